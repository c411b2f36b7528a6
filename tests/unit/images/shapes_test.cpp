#include <gtest/gtest.h>

#include <numeric>
#include <set>
#include <string>

#include "core/data/image_datasets.h"
#include "core/util/errors.h"

namespace genlab::data {
namespace {

int onPixels(std::span<const float> image) {
  return static_cast<int>(std::accumulate(image.begin(), image.end(), 0.0f));
}

int indexOf(int shape, int scale, int rotation, int x, int y) {
  return (((shape * 4 + scale) * 8 + rotation) * 7 + x) * 7 + y;
}

std::string bits(std::span<const float> image) {
  std::string key(image.size(), '0');
  for (std::size_t p = 0; p < image.size(); ++p) key[p] = image[p] > 0.5f ? '1' : '0';
  return key;
}

TEST(Shapes, OneImagePerFactorCombinationDistinctWherePixelsCanTell) {
  const ImageSet set = makeShapes();
  ASSERT_EQ(set.count, 3 * 4 * 8 * 7 * 7);
  ASSERT_EQ(set.factorLevels, (std::vector<int>{3, 4, 8, 7, 7}));
  // Binary pixels cannot show every rotation of a 4- or 6-pixel-wide square (as in dSprites),
  // so rotations are only required to differ from scale 2 on; everything else always differs.
  std::set<std::string> large;
  std::set<std::string> upright;
  int largeCount = 0;
  for (int i = 0; i < set.count; ++i) {
    EXPECT_EQ(set.labels[static_cast<std::size_t>(i)], set.factor(i, 0));
    if (set.factor(i, 1) >= 2) {
      large.insert(bits(set.image(i)));
      ++largeCount;
    }
    if (set.factor(i, 2) == 0) upright.insert(bits(set.image(i)));
  }
  EXPECT_EQ(static_cast<int>(large.size()), largeCount);
  EXPECT_EQ(upright.size(), 3u * 4 * 7 * 7);
}

TEST(Shapes, SmallestUprightSquareIsFourByFourPixels) {
  // Half-size 2 around (8, 8): pixel centres 6.5 .. 9.5 lie inside, columns and rows 6..9.
  const ImageSet set = makeShapes();
  const auto image = set.image(indexOf(0, 0, 0, 0, 0));
  EXPECT_EQ(onPixels(image), 16);
  for (int row = 6; row <= 9; ++row)
    for (int col = 6; col <= 9; ++col)
      EXPECT_EQ(image[static_cast<std::size_t>(row * 28 + col)], 1.0f);
}

TEST(Shapes, AreaGrowsWithScaleAndCentroidFollowsPosition) {
  const ImageSet set = makeShapes();
  for (int shape = 0; shape < 3; ++shape) {
    int previous = 0;
    for (int scale = 0; scale < 4; ++scale) {
      const int area = onPixels(set.image(indexOf(shape, scale, 3, 3, 3)));
      EXPECT_GT(area, previous) << "shape " << shape << " scale " << scale;
      previous = area;
    }
    for (int x = 0; x < 7; ++x) {
      const auto image = set.image(indexOf(shape, 2, 0, x, 5));
      double sumX = 0, sumY = 0, n = 0;
      for (int row = 0; row < 28; ++row)
        for (int col = 0; col < 28; ++col)
          if (image[static_cast<std::size_t>(row * 28 + col)] > 0.5f) {
            sumX += col + 0.5;
            sumY += row + 0.5;
            n += 1;
          }
      EXPECT_NEAR(sumX / n, 8.0 + 2.0 * x, 0.6) << "shape " << shape;
      // The triangle's centroid is its circumcentre only by symmetry in x, so check y loosely.
      EXPECT_NEAR(sumY / n, 18.0, shape == 2 ? 1.0 : 0.6);
    }
  }
}

TEST(Shapes, EveryShapeFitsInsideTheImage) {
  const ImageSet set = makeShapes();
  for (int i = 0; i < set.count; ++i) {
    const auto image = set.image(i);
    for (int k = 0; k < 28; ++k) {
      ASSERT_EQ(image[static_cast<std::size_t>(k)], 0.0f) << "image " << i << " touches the top";
      ASSERT_EQ(image[static_cast<std::size_t>(27 * 28 + k)], 0.0f) << "image " << i;
      ASSERT_EQ(image[static_cast<std::size_t>(k * 28)], 0.0f) << "image " << i;
      ASSERT_EQ(image[static_cast<std::size_t>(k * 28 + 27)], 0.0f) << "image " << i;
    }
  }
}

TEST(ShapesSplit, SeededDisjointAndComplete) {
  Rng a(7), b(7), c(8);
  const nlohmann::json spec = {{"kind", "shapes"}, {"test", 500}};
  const ImageSplit first = makeImageDatasets(spec, a);
  const ImageSplit again = makeImageDatasets(spec, b);
  const ImageSplit other = makeImageDatasets(spec, c);
  EXPECT_EQ(first.test.count, 500);
  EXPECT_EQ(first.train.count, 4704 - 500);
  EXPECT_EQ(first.test.factors, again.test.factors);
  EXPECT_NE(first.test.factors, other.test.factors);
  std::set<std::vector<int>> seen;
  for (const ImageSet* set : {&first.train, &first.test})
    for (int i = 0; i < set->count; ++i) {
      std::vector<int> f;
      for (int k = 0; k < 5; ++k) f.push_back(set->factor(i, k));
      EXPECT_TRUE(seen.insert(f).second) << "an image is in both splits";
    }
  EXPECT_EQ(seen.size(), 4704u);
}

TEST(ImageDatasetSpec, BadKeysAndKindsNameTheKey) {
  Rng rng(1);
  auto message = [&](const nlohmann::json& spec) {
    try {
      makeImageDatasets(spec, rng);
    } catch (const ConfigError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message({{"kind", "shapes"}, {"tets", 5}}).rfind("dataset", 0), 0u);
  EXPECT_NE(message({{"kind", "shapes"}, {"tets", 5}}).find("tets"), std::string::npos);
  EXPECT_NE(message({{"kind", "shapes"}, {"test", 0}}).find("dataset.test"), std::string::npos);
  EXPECT_NE(message({{"kind", "cifar"}}).find("unknown image dataset"), std::string::npos);
  EXPECT_NE(message({{"kind", "idx"}}).find("dataset.train_images: required"), std::string::npos);
}

}  // namespace
}  // namespace genlab::data
