// The two documented binarisations and the digits reader.

#include "core/data/binary_images.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/util/errors.h"
#include "tests/error_message.h"

namespace genlab::data {
namespace {

ImageSet greyImages(std::vector<float> pixels) {
  ImageSet images;
  images.count = 1;
  images.height = 1;
  images.width = static_cast<int>(pixels.size());
  images.pixels = std::move(pixels);
  return images;
}

// grey >= 0.5 is 1: digits' 8/16 = 0.5 is on, 7/16 off; Fashion-MNIST's 128/255 on, 127/255 off.
TEST(BinaryImages, ThresholdKeepsHalfGreyOn) {
  ImageSet images = greyImages({8.0F / 16, 7.0F / 16, 128.0F / 255, 127.0F / 255, 0.0F, 1.0F});
  binarizeByThreshold(images);
  EXPECT_EQ(images.pixels, (std::vector<float>{1, 0, 1, 0, 0, 1}));
}

// Sampling: a seed replays, grey 0 and 1 stay, and a grey of 0.3 is on about 30% of the time
// (20000 pixels: standard error 0.0032).
TEST(BinaryImages, SamplingIsSeededAndFollowsTheGreyValue) {
  std::vector<float> grey(20000, 0.3F);
  grey[0] = 0.0F;
  grey[1] = 1.0F;
  ImageSet a = greyImages(grey), b = greyImages(grey);
  Rng rngA(11), rngB(11);
  binarizeBySampling(a, rngA);
  binarizeBySampling(b, rngB);
  EXPECT_EQ(a.pixels, b.pixels);
  EXPECT_EQ(a.pixels[0], 0.0F);
  EXPECT_EQ(a.pixels[1], 1.0F);
  double on = 0.0;
  for (std::size_t i = 2; i < a.pixels.size(); ++i) on += a.pixels[i];
  EXPECT_NEAR(on / static_cast<double>(a.pixels.size() - 2), 0.3, 0.015);
}

TEST(BinaryImages, ReadsDigitsAndNamesABadRow) {
  const auto dir = std::filesystem::temp_directory_path();
  std::string row;
  for (int j = 0; j < 64; ++j) row += std::to_string(j % 17) + ",";
  std::ofstream(dir / "digits_good.csv") << row << "3\n" << row << "9\n";
  const ImageSet images = readDigits(dir / "digits_good.csv");
  EXPECT_EQ(images.count, 2);
  EXPECT_EQ(images.labels, (std::vector<int>{3, 9}));
  EXPECT_EQ(images.pixels[16], 1.0F);  // 16 / 16
  EXPECT_EQ(images.pixels[64 + 8], 0.5F);
  const auto bad = dir / "digits_bad.csv";
  std::ofstream(bad) << row << "3\n# comment\n" << row << "12\n";
  EXPECT_EQ(test::messageOf<DataError>([&] { readDigits(bad); }),
            bad.string() + ":3: label 12 is not a digit 0..9");
}

}  // namespace
}  // namespace genlab::data
