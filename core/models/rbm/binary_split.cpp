#include "core/models/rbm/binary_split.h"

#include <string>

#include "core/data/binary_images.h"
#include "core/models/rbm/rbm_model.h"
#include "core/util/errors.h"

namespace genlab::rbm {
namespace {

void requireBinaryImages(const Eigen::MatrixXd& v, const char* split, std::string_view model) {
  try {
    requireBinary(v, std::string("dataset: ") + split + " image");
  } catch (const DataError& error) {
    throw DataError(std::string(error.what()) + " (" + std::string(model) +
                    " needs binary pixels: give the dataset \"binarize\": \"threshold\" or "
                    "\"sample\")");
  }
}

}  // namespace

BinaryRows binaryRowsOf(const data::ImageSplit& split, std::string_view model) {
  if (split.train.count == 0) throw DataError("dataset: no training images");
  BinaryRows rows;
  rows.train = data::imagesAsRows(split.train);
  requireBinaryImages(rows.train, "training", model);
  rows.test = split.test.count > 0 ? data::imagesAsRows(split.test) : rows.train;
  requireBinaryImages(rows.test, "held-out", model);
  return rows;
}

}  // namespace genlab::rbm
