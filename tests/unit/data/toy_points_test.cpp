#include "core/data/toy_points.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "core/data/point_dataset.h"
#include "core/util/errors.h"

namespace genlab::data {
namespace {

using Eigen::MatrixXd;
using nlohmann::json;

std::string errorOf(const json& spec) {
  Rng rng(1);
  try {
    makeDataset(spec, rng);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(ToyPoints, BlobsHaveTheRequestedMomentsAndLabels) {
  Rng rng(1);
  const MatrixXd centers{{0.0, 0.0}, {10.0, -5.0}};
  const std::vector<MatrixXd> covs = {MatrixXd{{2.0, 0.9}, {0.9, 1.0}},
                                      MatrixXd{{0.5, 0.0}, {0.0, 0.0}}};  // flat: PSD only
  const PointSet set = makeBlobs(20000, centers, covs, rng);
  ASSERT_EQ(set.points.rows(), 20000);
  ASSERT_EQ(set.labels.size(), 20000u);
  for (int j = 0; j < 2; ++j) {
    Eigen::Vector2d sum = Eigen::Vector2d::Zero();
    Eigen::Matrix2d sq = Eigen::Matrix2d::Zero();
    int count = 0;
    for (Eigen::Index i = 0; i < 20000; ++i) {
      if (set.labels[static_cast<std::size_t>(i)] != j) continue;
      ++count;
      sum += set.points.row(i).transpose();
      sq += set.points.row(i).transpose() * set.points.row(i);
    }
    EXPECT_EQ(count, 10000);  // even split without weights
    const Eigen::Vector2d mean = sum / count;
    const Eigen::Matrix2d cov = sq / count - mean * mean.transpose();
    EXPECT_LT((mean - centers.row(j).transpose()).norm(), 0.05);
    EXPECT_LT((cov - covs[static_cast<std::size_t>(j)]).cwiseAbs().maxCoeff(), 0.08);
  }
}

TEST(ToyPoints, MoonsAndRingsHaveTheirShapes) {
  Rng rng(2);
  const PointSet moons = makeMoons(1000, 0.0, rng);
  for (Eigen::Index i = 0; i < 1000; ++i) {
    const double x = moons.points(i, 0);
    const double y = moons.points(i, 1);
    const double r = moons.labels[static_cast<std::size_t>(i)] == 0 ? std::hypot(x, y)
                                                                    : std::hypot(x - 1.0, y - 0.5);
    EXPECT_NEAR(r, 1.0, 1e-12);
  }
  const PointSet rings = makeRings(600, {1.0, 3.0}, 0.0, rng);
  for (Eigen::Index i = 0; i < 600; ++i) {
    const double r = rings.points.row(i).norm();
    EXPECT_NEAR(r, rings.labels[static_cast<std::size_t>(i)] == 0 ? 1.0 : 3.0, 1e-12);
  }
}

TEST(ToyPoints, UniformStaysInItsBox) {
  Rng rng(3);
  const PointSet set = makeUniform(500, Eigen::Vector3d(-1, 0, 5), Eigen::Vector3d(1, 2, 6), rng);
  EXPECT_EQ(set.points.cols(), 3);
  EXPECT_GE(set.points.col(0).minCoeff(), -1.0);
  EXPECT_LT(set.points.col(2).maxCoeff(), 6.0);
  EXPECT_GE(set.points.col(2).minCoeff(), 5.0);
}

TEST(ToyPoints, SameSeedSamePoints) {
  const json spec = {{"kind", "blobs"}, {"n", 50}, {"centers", {{0, 0}, {3, 3}}}, {"std", 0.5}};
  Rng a(7);
  Rng b(7);
  Rng c(8);
  EXPECT_EQ(makeDataset(spec, a).points, makeDataset(spec, b).points);
  EXPECT_NE(makeDataset(spec, a).points, makeDataset(spec, c).points);
}

TEST(MakeDataset, EveryKind) {
  Rng rng(4);
  EXPECT_EQ(
      makeDataset(
          {{"kind", "blobs"},
           {"n", 30},
           {"centers", {{0, 0, 0}, {1, 1, 1}}},
           {"covariances",
            {json::parse("[[1,0,0],[0,1,0],[0,0,1]]"), json::parse("[[2,0,0],[0,1,0],[0,0,1]]")}},
           {"weights", {1, 3}}},
          rng)
          .points.cols(),
      3);
  EXPECT_EQ(makeDataset({{"kind", "anisotropic"}, {"n", 40}, {"centers", {{0, 0}, {2, 2}}}}, rng)
                .points.rows(),
            40);
  EXPECT_EQ(makeDataset({{"kind", "moons"}, {"n", 20}, {"noise", 0.05}}, rng).labels.size(), 20u);
  EXPECT_EQ(makeDataset({{"kind", "rings"}, {"radii", {1, 2, 3}}}, rng).points.rows(), 500);
  EXPECT_EQ(
      makeDataset({{"kind", "uniform"}, {"n", 10}, {"low", {0}}, {"high", {1}}}, rng).points.cols(),
      1);
  const PointSet csv = makeDataset({{"kind", "csv"}, {"path", "points_header.csv"}}, rng,
                                   std::filesystem::path(GENLAB_TEST_DATA_DIR));
  EXPECT_EQ(csv.points.rows(), 3);
  EXPECT_TRUE(csv.labels.empty());
}

TEST(MakeDataset, ErrorsNameTheKey) {
  EXPECT_EQ(errorOf({{"kind", "moons"}, {"nosie", 0.1}}).rfind("dataset.nosie: unknown key", 0),
            0u);
  EXPECT_EQ(errorOf({{"kind", "moons"}, {"n", 0}}), "dataset.n: 0 is out of range [1, 10000000]");
  EXPECT_EQ(errorOf({{"kind", "spiral"}}).rfind("dataset.kind: \"spiral\" is not one of", 0), 0u);
  EXPECT_EQ(errorOf({{"n", 5}}), "dataset.kind: required");
  EXPECT_EQ(errorOf({{"kind", "blobs"}}), "dataset.centers: required");
  EXPECT_EQ(errorOf({{"kind", "blobs"}, {"centers", {{0, 0}, {1}}}}),
            "dataset.centers[1]: has 1 entries, expected 2");
  EXPECT_EQ(
      errorOf({{"kind", "blobs"}, {"centers", {{0, 0}}}, {"covariances", {{{1, 2}, {2, 1}}}}}),
      "dataset.covariances[0]: not a symmetric positive semi-definite matrix");
  EXPECT_EQ(errorOf({{"kind", "blobs"}, {"centers", {{0, 0}}}, {"covariances", {{{1, 0}}}}}),
            "dataset.covariances[0]: has 1 rows, expected 2");
  EXPECT_EQ(
      errorOf({{"kind", "moons"}, {"noise", "lots"}}).rfind("dataset.noise: expected a number", 0),
      0u);
  EXPECT_EQ(errorOf({{"kind", "uniform"}, {"low", {0, 0}}, {"high", {1, -1}}}),
            "dataset.high: must be >= \"low\" in every coordinate");
  EXPECT_EQ(errorOf({{"kind", "csv"}}), "dataset.path: required");
}

TEST(MakeDataset, CsvProblemsAreDataErrors) {
  Rng rng(1);
  EXPECT_THROW(makeDataset({{"kind", "csv"}, {"path", "points_nan.csv"}}, rng,
                           std::filesystem::path(GENLAB_TEST_DATA_DIR)),
               DataError);
}

}  // namespace
}  // namespace genlab::data
