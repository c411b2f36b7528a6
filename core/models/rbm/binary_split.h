#pragma once
// A dataset split as the Boltzmann machines train on it: one image per row, every pixel 0 or 1.
// Shared by the RBM and DBM trainers.

#include <Eigen/Dense>
#include <string_view>

#include "core/data/image_set.h"

namespace genlab::rbm {

struct BinaryRows {
  Eigen::MatrixXd train;
  Eigen::MatrixXd test;  // the training rows when the split holds none out
};

// Throws DataError for an empty training set or a pixel other than 0 or 1, naming the split,
// the image and the pixel, and that `model` ("an RBM", "a DBM") needs binary pixels.
BinaryRows binaryRowsOf(const data::ImageSplit& split, std::string_view model);

}  // namespace genlab::rbm
