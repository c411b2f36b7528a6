#include "core/data/binary_images.h"

#include <cmath>
#include <sstream>
#include <string>

#include "core/data/csv_matrix.h"
#include "core/util/errors.h"

namespace genlab::data {

void binarizeByThreshold(ImageSet& images, float threshold) {
  for (float& p : images.pixels) p = p >= threshold ? 1.0F : 0.0F;
}

void binarizeBySampling(ImageSet& images, Rng& rng) {
  for (float& p : images.pixels) p = rng.uniform() < static_cast<double>(p) ? 1.0F : 0.0F;
}

Eigen::MatrixXd imagesAsRows(const ImageSet& images) {
  using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  return Eigen::Map<const RowMajor>(images.pixels.data(), images.count, images.pixelsPerImage())
      .cast<double>();
}

std::filesystem::path sklearnDigitsPath() {
  const std::filesystem::path path =
      "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz";
  std::error_code error;
  return std::filesystem::exists(path, error) ? path : std::filesystem::path();
}

ImageSet readDigits(const std::filesystem::path& path) {
  constexpr int kSide = 8;
  constexpr int kPixels = kSide * kSide;
  const CsvMatrix csv = readCsvMatrix(path);
  const auto fail = [&](Eigen::Index row, const std::string& what) {
    throw DataError(path.string() + ":" +
                    std::to_string(csv.rowLines[static_cast<std::size_t>(row)]) + ": " + what);
  };
  if (csv.values.cols() != kPixels + 1) {
    fail(0, std::to_string(csv.values.cols()) + " columns, expected 65 (64 pixels, the label)");
  }
  const auto number = [](double value) {
    std::ostringstream text;
    text << value;
    return text.str();
  };
  ImageSet images;
  images.count = static_cast<int>(csv.values.rows());
  images.height = kSide;
  images.width = kSide;
  images.pixels.reserve(static_cast<std::size_t>(images.count) * kPixels);
  for (Eigen::Index i = 0; i < csv.values.rows(); ++i) {
    for (int j = 0; j < kPixels; ++j) {
      const double value = csv.values(i, j);
      if (!(value >= 0.0 && value <= 16.0)) {
        fail(i, "pixel " + std::to_string(j + 1) + " is " + number(value) + ", expected 0..16");
      }
      images.pixels.push_back(static_cast<float>(value / 16.0));
    }
    const double label = csv.values(i, kPixels);
    if (!(label >= 0.0 && label <= 9.0 && label == std::floor(label))) {
      fail(i, "label " + number(label) + " is not a digit 0..9");
    }
    images.labels.push_back(static_cast<int>(label));
  }
  for (int d = 0; d <= 9; ++d) images.classNames.push_back(std::to_string(d));
  return images;
}

}  // namespace genlab::data
