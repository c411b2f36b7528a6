#pragma once
// Small grey-scale images with what is known about each: a class label (Fashion-MNIST) and/or
// the generative factors that drew it (the procedural shapes). The VAE and GAN lessons train on
// these; views show them. Pixels are float in [0, 1], row-major, image after image, so a set
// maps onto a torch tensor [count, 1, height, width] without a copy (torch::from_blob).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace genlab::data {

struct ImageSet {
  int count = 0;
  int height = 0;
  int width = 0;
  std::vector<float> pixels;  // count * height * width, in [0, 1]

  // Class of each image (empty when unknown) and the names of the classes.
  std::vector<int> labels;
  std::vector<std::string> classNames;

  // Known generative factors, count x factorNames.size(), row-major; factor f of image i is an
  // integer level in [0, factorLevels[f]). Empty for data without known factors.
  std::vector<int> factors;
  std::vector<std::string> factorNames;
  std::vector<int> factorLevels;

  int pixelsPerImage() const { return height * width; }
  std::span<const float> image(int i) const {
    return {pixels.data() + static_cast<std::ptrdiff_t>(i) * pixelsPerImage(),
            static_cast<std::size_t>(pixelsPerImage())};
  }
  int factor(int i, int f) const {
    return factors[static_cast<std::size_t>(i) * factorNames.size() + static_cast<std::size_t>(f)];
  }
  bool hasLabels() const { return !labels.empty(); }
  bool hasFactors() const { return !factorNames.empty(); }
};

// A training set and a held-out set drawn from the same source.
struct ImageSplit {
  ImageSet train;
  ImageSet test;
};

}  // namespace genlab::data
