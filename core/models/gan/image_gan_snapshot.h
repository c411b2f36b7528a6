#pragma once
// What the image GAN's views draw, frozen at one moment (immutable, self-contained). Images are
// grey-scale floats in [0, 1], row-major, image after image (the layout of data::ImageSet and of
// the lab's ImageTiles). The sample grid and the interpolation row are redrawn from fixed noise
// only when due (a few times a second of training, and after every edit) and shared between
// the snapshots in between.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/models/gan/gan_settings.h"
#include "core/train/trainer.h"

namespace genlab::gan {

inline constexpr int kSampleGridSide = 8;       // 8 x 8 samples from fixed noise
inline constexpr int kInterpolationCount = 10;  // images along the latent line

struct ImageGanPictures {
  std::int64_t step = 0;             // training steps done when drawn
  std::vector<float> samples;        // kSampleGridSide^2 images
  std::vector<float> interpolation;  // kInterpolationCount images, z0 -> z1 linearly
  std::vector<float> sampleScores;   // D's displayed output for each sample
};

struct ImageGanSnapshot final : train::Snapshot {
  GanSettings settings;
  int height = 28;
  int width = 28;
  int trainCount = 0;  // training images
  std::shared_ptr<const ImageGanPictures> pictures;
  double lossD = 0.0;
  double lossG = 0.0;
  double dReal = 0.0;  // mean displayed D output on the last real batch (a probability for the
  double dFake = 0.0;  // sigmoid losses) and on the last generated batch
  std::int64_t dUpdates = 0;
  std::int64_t gUpdates = 0;
  std::vector<std::string> messages;

  // The pictures of this moment (shared until redrawn, counted in each: an overestimate).
  std::size_t bytes() const override {
    std::size_t total = sizeof(ImageGanSnapshot);
    if (pictures)
      total +=
          sizeof(ImageGanPictures) + (pictures->samples.size() + pictures->interpolation.size() +
                                      pictures->sampleScores.size()) *
                                         sizeof(float);
    return total;
  }
};

// For the memorisation toggle: each sample's nearest training image (L2 in pixel space).
struct NearestTraining {
  std::int64_t step = 0;         // the pictures' step the samples came from
  std::vector<int> indices;      // per sample, index into the training set
  std::vector<float> distances;  // L2 distance, per pixel RMS
  std::vector<float> images;     // the nearest training images, same layout as the samples
};

}  // namespace genlab::gan
