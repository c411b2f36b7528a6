// scikit-learn's 8x8 digits as genlab reads them (data::readDigits, core/data/binary_images.h):
// the "digits" image dataset of the Naive Bayes and RBM lessons and `fit nb --dataset digits`,
// from a CSV of 64 pixels 0..16 and a label per row (plain or gzip, as data::readCsvMatrix
// reads). Checked on what is accepted: 8x8 images with pixels in [0, 1], a label 0..9 per image,
// and binarising by threshold gives only 0 and 1.

#include <algorithm>

#include "core/data/binary_images.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::InputFile file(data, size, "digits.csv");
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    data::ImageSet images = data::readDigits(file.path());
    fuzz::check(images.height == 8 && images.width == 8 &&
                    images.pixels.size() == static_cast<std::size_t>(images.count) * 64,
                "8x8 images");
    fuzz::check(std::all_of(images.pixels.begin(), images.pixels.end(),
                            [](float p) { return p >= 0.F && p <= 1.F; }),
                "pixels in [0, 1]");
    fuzz::check(images.labels.size() == static_cast<std::size_t>(images.count) &&
                    std::all_of(images.labels.begin(), images.labels.end(),
                                [](int l) { return l >= 0 && l <= 9; }),
                "a digit per image");
    data::binarizeByThreshold(images);
    fuzz::check(std::all_of(images.pixels.begin(), images.pixels.end(),
                            [](float p) { return p == 0.F || p == 1.F; }),
                "binary after binarizeByThreshold");
  });
  return 0;
}
