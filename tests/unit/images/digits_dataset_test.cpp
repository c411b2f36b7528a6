// The "digits" image dataset and the "binarize" key every image dataset takes.

#include <gtest/gtest.h>

#include <algorithm>

#include "core/data/binary_images.h"
#include "core/data/image_datasets.h"
#include "core/util/errors.h"
#include "tests/error_message.h"

namespace genlab::data {
namespace {

// The held-out split is the 1797 digits, disjoint, fixed by the seed; pixels are v / 16, so a
// thresholded copy is 1 exactly where v >= 8 (grey >= 0.5).
TEST(DigitsDataset, SplitsAllDigitsAndBinarisesByThreshold) {
  if (sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn is not installed";
  Rng a(4), b(4);
  const ImageSplit grey = makeImageDatasets({{"kind", "digits"}, {"test", 300}}, a);
  const ImageSplit binary =
      makeImageDatasets({{"kind", "digits"}, {"test", 300}, {"binarize", "threshold"}}, b);
  EXPECT_EQ(grey.test.count, 300);
  EXPECT_EQ(grey.train.count, 1797 - 300);
  EXPECT_EQ(grey.train.height, 8);
  ASSERT_EQ(grey.test.labels, binary.test.labels);  // same seed, same split
  for (std::size_t i = 0; i < grey.test.pixels.size(); ++i) {
    const float v = grey.test.pixels[i] * 16.0F;
    ASSERT_EQ(v, std::round(v)) << "pixel " << i << " is not a sixteenth";
    ASSERT_EQ(binary.test.pixels[i], v >= 8.0F ? 1.0F : 0.0F) << "pixel " << i;
  }
  const auto ones = std::count(binary.train.pixels.begin(), binary.train.pixels.end(), 1.0F);
  EXPECT_GT(ones, 0);
  EXPECT_LT(static_cast<std::size_t>(ones), binary.train.pixels.size());
}

// Sampled pixels are 0/1, replay with the seed and differ with another.
TEST(DigitsDataset, SampledBinarisationReplaysWithTheSeed) {
  if (sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn is not installed";
  const nlohmann::json spec = {{"kind", "digits"}, {"binarize", "sample"}};
  Rng a(9), b(9), c(10);
  const ImageSplit first = makeImageDatasets(spec, a);
  EXPECT_EQ(first.train.pixels, makeImageDatasets(spec, b).train.pixels);
  EXPECT_NE(first.train.pixels, makeImageDatasets(spec, c).train.pixels);
  for (const float p : first.train.pixels) ASSERT_TRUE(p == 0.0F || p == 1.0F);
}

TEST(DigitsDataset, BadBinarizeNamesTheKey) {
  Rng rng(1);
  EXPECT_EQ(test::messageOf<ConfigError>([&] {
              makeImageDatasets({{"kind", "shapes"}, {"binarize", "otsu"}}, rng);
            }),
            "dataset.binarize: \"otsu\" is not one of \"threshold\", \"sample\", \"none\"");
}

}  // namespace
}  // namespace genlab::data
