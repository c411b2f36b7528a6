// The image GAN on a tiny hand-made image set: shapes of what it draws, the nearest-training-
// image search against brute force, and its settings.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/models/gan/image_gan_trainer.h"
#include "core/util/errors.h"

namespace genlab::gan {
namespace {

using nlohmann::json;

// 24 images of 28x28: bars, vertical for even i and horizontal for odd i, at positions 2..25.
data::ImageSet barImages(int count = 24, int side = 28) {
  data::ImageSet set;
  set.count = count;
  set.height = side;
  set.width = side;
  set.pixels.assign(static_cast<std::size_t>(count) * side * side, 0.0f);
  for (int i = 0; i < count; ++i) {
    const int at = 2 + i % (side - 4);
    for (int t = 0; t < side; ++t) {
      const int r = i % 2 == 0 ? t : at, c = i % 2 == 0 ? at : t;
      set.pixels[static_cast<std::size_t>(i) * side * side + r * side + c] = 1.0f;
    }
  }
  return set;
}

GanSettings settings(const json& overrides) {
  return GanSettings::fromJson(overrides, GanSettings::defaults(GanFlavour::Image));
}

ImageGanOptions options() {
  ImageGanOptions o;
  o.picturePeriod = std::chrono::hours(1);
  return o;
}

std::shared_ptr<const ImageGanSnapshot> snap(const ImageGanTrainer& trainer) {
  return std::dynamic_pointer_cast<const ImageGanSnapshot>(trainer.snapshot());
}

TEST(ImageGan, RejectsImagesThatAreNot28x28) {
  EXPECT_THROW(ImageGanTrainer(settings({{"architecture", "mlp"}}), barImages(4, 20), 1, options()),
               DataError);
  data::ImageSet empty;
  empty.height = empty.width = 28;
  EXPECT_THROW(ImageGanTrainer(settings({{"architecture", "mlp"}}), empty, 1, options()),
               DataError);
}

TEST(ImageGan, MlpTrainsAndDrawsItsGridAndInterpolation) {
  ImageGanTrainer trainer(settings({{"architecture", "mlp"}, {"batch", 8}, {"noise_dim", 16}}),
                          barImages(), 1, options());
  std::vector<double> metrics(trainer.metricNames().size());
  ASSERT_EQ(metrics.size(), 4u);
  for (int i = 0; i < 3; ++i) trainer.step(metrics, {});
  EXPECT_EQ(trainer.stepsDone(), 3);
  // Sigmoid losses: D's outputs are probabilities.
  EXPECT_GT(metrics[2], 0.0);
  EXPECT_LT(metrics[2], 1.0);
  EXPECT_GT(metrics[3], 0.0);
  EXPECT_LT(metrics[3], 1.0);
  trainer.refreshPictures();
  const auto s = snap(trainer);
  const ImageGanPictures& p = *s->pictures;
  EXPECT_EQ(p.step, 3);
  ASSERT_EQ(p.samples.size(), 64u * 784u);
  ASSERT_EQ(p.interpolation.size(), 10u * 784u);
  ASSERT_EQ(p.sampleScores.size(), 64u);
  for (float v : p.samples) ASSERT_TRUE(v >= 0.0f && v <= 1.0f);
  // The scores are D on the shown samples.
  const std::vector<float> first(p.samples.begin(), p.samples.begin() + 2 * 784);
  const auto scores = trainer.discriminate(first, 2);
  EXPECT_NEAR(scores[0], p.sampleScores[0], 1e-5);
  EXPECT_NEAR(scores[1], p.sampleScores[1], 1e-5);
  // The two ends of the interpolation row are different images.
  double diff = 0;
  for (int j = 0; j < 784; ++j) diff += std::abs(p.interpolation[j] - p.interpolation[9 * 784 + j]);
  EXPECT_GT(diff, 1e-3);
}

TEST(ImageGan, NearestTrainingImageMatchesBruteForce) {
  const data::ImageSet images = barImages();
  ImageGanTrainer trainer(settings({{"architecture", "mlp"}, {"batch", 8}, {"noise_dim", 8}}),
                          images, 2, options());
  std::vector<double> metrics(4);
  for (int i = 0; i < 5; ++i) trainer.step(metrics, {});
  trainer.refreshPictures();
  const auto pictures = snap(trainer)->pictures;
  const NearestTraining nearest = trainer.nearestTraining();
  ASSERT_EQ(nearest.indices.size(), 64u);
  ASSERT_EQ(nearest.images.size(), 64u * 784u);
  EXPECT_EQ(nearest.step, pictures->step);
  for (int s = 0; s < 64; ++s) {
    int best = -1;
    double bestD = std::numeric_limits<double>::infinity();
    for (int i = 0; i < images.count; ++i) {
      double d = 0;
      for (int j = 0; j < 784; ++j) {
        const double e = pictures->samples[s * 784 + j] - images.pixels[i * 784 + j];
        d += e * e;
      }
      if (d < bestD - 1e-6) {
        bestD = d;
        best = i;
      }
    }
    EXPECT_EQ(nearest.indices[s], best) << "sample " << s;
    EXPECT_NEAR(nearest.distances[s], std::sqrt(bestD / 784), 1e-3);
    EXPECT_EQ(nearest.images[s * 784 + 100], images.pixels[best * 784 + 100]);
  }
}

TEST(ImageGan, DcganHasTheShapesOfPytorchExamples) {
  ImageGanTrainer trainer(settings({{"batch", 4}}), barImages(8), 3, options());
  EXPECT_EQ(trainer.sample(3).size(), 3u * 784u);
  std::vector<double> metrics(4);
  trainer.step(metrics, {});
  EXPECT_GT(metrics[2], 0.0);
  EXPECT_LT(metrics[2], 1.0);
  // Discriminator updates alone leave the generator's pictures unchanged.
  trainer.refreshPictures();
  const auto before = snap(trainer)->pictures->samples;
  trainer.stepDiscriminatorOnly();
  EXPECT_EQ(snap(trainer)->pictures->samples, before);
  trainer.setParam("architecture", "mlp");
  EXPECT_EQ(trainer.settings()["architecture"], "mlp");
  ASSERT_FALSE(snap(trainer)->messages.empty());
  EXPECT_THROW(trainer.setParam("g_width", 3), ConfigError);
}

}  // namespace
}  // namespace genlab::gan
