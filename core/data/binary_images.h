#pragma once
// Binarised grey-scale images, for models of 0/1 pixels (Bernoulli Naive Bayes, the likelihood
// leaderboard). Two documented rules, both on pixels scaled to [0, 1] (ImageSet's range):
//   threshold  pixel >= threshold is 1 (default 0.5: digits' 8 of 16, Fashion-MNIST's 128 of 255)
//   sample     pixel is 1 with probability equal to its grey value, drawn from a seeded Rng
//              (one uniform draw per pixel, images in order, pixels row-major), so a seed
//              always gives the same binary set ("dynamic binarisation" draws a new one).
// Also the 8x8 digits that Debian's python3-sklearn ships, read as an ImageSet.

#include <Eigen/Core>
#include <filesystem>

#include "core/data/image_set.h"
#include "core/util/rng.h"

namespace genlab::data {

void binarizeByThreshold(ImageSet& images, float threshold = 0.5F);
void binarizeBySampling(ImageSet& images, Rng& rng);

// count x (height * width), one image per row (for the Eigen models).
Eigen::MatrixXd imagesAsRows(const ImageSet& images);

// scikit-learn's digits.csv.gz (python3-sklearn); empty when it is not installed.
std::filesystem::path sklearnDigitsPath();

// 1797 8x8 digits: each row of the CSV is 64 pixels 0..16 then the label 0..9. Pixels become
// value / 16; classNames "0".."9". DataError naming the file and line for a row that is not so.
ImageSet readDigits(const std::filesystem::path& path);

}  // namespace genlab::data
