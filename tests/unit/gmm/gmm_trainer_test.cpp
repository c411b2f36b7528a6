#include "core/models/gmm/gmm_trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/util/errors.h"
#include "tests/unit/gmm/test_util.h"

namespace genlab::gmm {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

GmmParams threeBlobs(Eigen::Index d) {
  GmmParams t;
  t.weights = VectorXd{{0.4, 0.3, 0.3}};
  t.means = MatrixXd::Zero(3, d);
  t.means(1, 0) = 8.0;
  t.means(2, 1) = 8.0;
  t.covariances.assign(3, MatrixXd::Identity(d, d));
  return t;
}

MatrixXd draw(Eigen::Index d, Eigen::Index n, std::uint64_t seed) {
  Rng rng(seed);
  return test::drawMixture(threeBlobs(d), n, rng);
}

const GmmSnapshot& asGmm(const train::SnapshotPtr& s) {
  return dynamic_cast<const GmmSnapshot&>(*s);
}

TEST(GmmTrainer, StepWritesMetricsAndPublishesSnapshots) {
  GmmTrainer trainer(GmmConfig{}, draw(2, 300, 1), 3);
  EXPECT_EQ(trainer.modelName(), "gmm");
  ASSERT_EQ(trainer.metricNames(), (std::vector<std::string>{"log_likelihood", "delta"}));
  const auto first = trainer.snapshot();
  double metrics[2] = {0.0, 0.0};
  const double before = trainer.model().meanLogLikelihood();
  const auto outcome = trainer.step(metrics, {});
  EXPECT_EQ(trainer.stepsDone(), 1);
  EXPECT_EQ(metrics[0], trainer.model().meanLogLikelihood());
  EXPECT_NEAR(metrics[1], metrics[0] - before, 1e-12);
  const auto second = trainer.snapshot();
  EXPECT_NE(first, second);
  EXPECT_EQ(second->step, 1);
  EXPECT_EQ(asGmm(second).iteration, 1);
  EXPECT_EQ(asGmm(first).points, asGmm(second).points);  // shared, unchanged data
  while (!trainer.step(metrics, {}).converged) {
  }
  EXPECT_TRUE(asGmm(trainer.snapshot()).converged);
  (void)outcome;
}

TEST(GmmTrainer, SnapshotIsConsistentIn2D) {
  const MatrixXd data = draw(2, 200, 2);
  GmmTrainer trainer(GmmConfig{}, data, 1);
  const GmmSnapshot& s = asGmm(trainer.snapshot());
  ASSERT_EQ(s.points->rows(), 200);
  EXPECT_LT((s.points->cast<double>() - data).cwiseAbs().maxCoeff(), 1e-5);
  EXPECT_EQ(s.responsibilities.rows(), 200);
  EXPECT_EQ(s.responsibilities.cols(), 3);
  EXPECT_EQ(s.boundsMin, s.points->colwise().minCoeff().transpose());
  EXPECT_EQ(s.boundsMax, s.points->colwise().maxCoeff().transpose());
  for (int k = 0; k < 3; ++k) {
    EXPECT_LT((s.means2d[static_cast<std::size_t>(k)] - s.means.row(k).transpose()).norm(), 1e-12);
    EXPECT_LT(
        (s.covariances2d[static_cast<std::size_t>(k)] - s.covariances[static_cast<std::size_t>(k)])
            .norm(),
        1e-12);
  }
}

TEST(GmmTrainer, HighDimensionalDataIsProjected) {
  const MatrixXd data = draw(6, 500, 3);
  GmmConfig config;
  GmmTrainer trainer(config, data, 1);
  const GmmSnapshot& s = asGmm(trainer.snapshot());
  EXPECT_EQ(s.dim, 6);
  ASSERT_EQ(s.points->cols(), 2);
  const Eigen::MatrixX2d expected = s.projection.points(data);
  EXPECT_LT((s.points->cast<double>() - expected).cwiseAbs().maxCoeff(), 1e-4);
  for (int k = 0; k < 3; ++k) {
    const VectorXd mu = s.means.row(k).transpose();
    EXPECT_LT(
        (s.means2d[static_cast<std::size_t>(k)] - s.projection.axes * (mu - s.projection.center))
            .norm(),
        1e-12);
    const MatrixXd& cov = s.covariances[static_cast<std::size_t>(k)];
    EXPECT_LT((s.covariances2d[static_cast<std::size_t>(k)] -
               s.projection.axes * cov * s.projection.axes.transpose())
                  .norm(),
              1e-12);
  }
}

TEST(GmmTrainer, SetMeanUpdatesResponsibilitiesAtOnce) {
  GmmTrainer trainer(GmmConfig{}, draw(2, 300, 4), 1);
  trainer.setMean(0, VectorXd{{100.0, 100.0}});
  const GmmSnapshot& s = asGmm(trainer.snapshot());
  EXPECT_TRUE(s.responsibilitiesCurrent);
  EXPECT_LT((s.means.row(0) - Eigen::RowVector2d{100.0, 100.0}).norm(), 1e-12);
  EXPECT_LT(s.responsibilities.col(0).maxCoeff(), 1e-6f);
  EXPECT_EQ(s.meanLogLikelihood, trainer.model().meanLogLikelihood());
  trainer.setMean2D(1, Eigen::Vector2d(1.5, -2.0));
  EXPECT_LT((asGmm(trainer.snapshot()).means2d[1] - Eigen::Vector2d(1.5, -2.0)).norm(), 1e-12);
}

TEST(GmmTrainer, SetMean2DMovesWithinTheProjectionPlane) {
  GmmTrainer trainer(GmmConfig{}, draw(4, 300, 5), 1);
  trainer.setMean2D(2, Eigen::Vector2d(0.25, 0.5));
  EXPECT_LT((asGmm(trainer.snapshot()).means2d[2] - Eigen::Vector2d(0.25, 0.5)).norm(), 1e-9);
}

TEST(GmmTrainer, MStepOnlyLeavesResponsibilitiesStale) {
  GmmTrainer trainer(GmmConfig{}, draw(2, 300, 6), 1);
  trainer.mStepOnly();
  EXPECT_FALSE(asGmm(trainer.snapshot()).responsibilitiesCurrent);
  trainer.eStepOnly();
  EXPECT_TRUE(asGmm(trainer.snapshot()).responsibilitiesCurrent);
}

TEST(GmmTrainer, AddAndErasePoints) {
  std::vector<int> labels(100, 1);
  GmmTrainer trainer(GmmConfig{}, draw(2, 100, 7), 1, labels);
  trainer.addPoints(MatrixXd{{50.0, 50.0}, {50.5, 50.0}, {-50.0, 0.0}});
  const GmmSnapshot& grown = asGmm(trainer.snapshot());
  EXPECT_EQ(grown.points->rows(), 103);
  EXPECT_EQ(grown.responsibilities.rows(), 103);
  ASSERT_TRUE(grown.trueLabels);
  EXPECT_EQ(grown.trueLabels->back(), -1);
  EXPECT_EQ(trainer.erasePointsNear(50.0, 50.0, 1.0), 2);
  EXPECT_EQ(asGmm(trainer.snapshot()).points->rows(), 101);
  EXPECT_EQ(asGmm(trainer.snapshot()).trueLabels->size(), 101u);
  EXPECT_EQ(trainer.erasePointsNear(0.0, 0.0, 1e9), 0);  // would erase everything: refused
  EXPECT_EQ(trainer.model().numSamples(), 101);
}

TEST(GmmTrainer, SampleDrawsFromTheModel) {
  GmmTrainer trainer(GmmConfig{}, draw(3, 200, 8), 1);
  const MatrixXd s = trainer.sample(10);
  EXPECT_EQ(s.rows(), 10);
  EXPECT_EQ(s.cols(), 3);
  EXPECT_TRUE(s.allFinite());
}

TEST(GmmTrainer, SetParamValidatesAndReinitialisesWhenNeeded) {
  GmmTrainer trainer(GmmConfig{}, draw(2, 300, 9), 1);
  trainer.setParam("tol", 1e-9);
  EXPECT_EQ(trainer.settings()["tol"], 1e-9);
  trainer.setParam("k", 4);
  EXPECT_EQ(asGmm(trainer.snapshot()).k, 4);
  EXPECT_EQ(asGmm(trainer.snapshot()).iteration, 0);
  try {
    trainer.setParam("k", 0);
    FAIL();
  } catch (const ConfigError& error) {
    EXPECT_STREQ(error.what(), "settings.k: 0 is out of range [1, 64]");
  }
  EXPECT_THROW(trainer.setParam("bogus", 1), ConfigError);
  EXPECT_EQ(trainer.settings()["k"], 4);  // unchanged by the failures
  trainer.setParam("covariance", "diag");
  EXPECT_EQ(asGmm(trainer.snapshot()).covariance, CovarianceType::Diag);
}

TEST(GmmTrainer, CheckpointHoldsTheModel) {
  GmmTrainer trainer(GmmConfig{}, draw(2, 300, 10), 1);
  double metrics[2];
  trainer.step(metrics, {});
  const auto file = std::filesystem::temp_directory_path() / "genlab_gmm_checkpoint_test.json";
  trainer.saveCheckpoint(file);
  std::ifstream in(file);
  const auto j = nlohmann::json::parse(in);
  std::filesystem::remove(file);
  EXPECT_EQ(j["model"], "gmm");
  EXPECT_EQ(j["step"], 1);
  EXPECT_EQ(j["weights"].size(), 3u);
  EXPECT_EQ(j["covariances"][0].size(), 2u);
  EXPECT_EQ(j["means"][1][0].get<double>(), trainer.model().means()(1, 0));
  EXPECT_EQ(GmmConfig::fromJson(j["settings"]).toJson(), trainer.settings());
}

TEST(GmmTrainer, BicAicCurvePrefersTheTrueK) {
  const MatrixXd data = draw(2, 900, 11);
  GmmConfig config;
  config.tol = 1e-6;
  const auto curve = GmmTrainer::bicAicCurve(data, config, 6, 1);
  ASSERT_EQ(curve.size(), 6u);
  std::size_t best = 0;
  for (std::size_t i = 0; i < curve.size(); ++i) {
    EXPECT_EQ(curve[i].k, static_cast<int>(i) + 1);
    if (curve[i].bic < curve[best].bic) best = i;
  }
  EXPECT_EQ(curve[best].k, 3);
  std::stop_source stop;
  stop.request_stop();
  EXPECT_TRUE(GmmTrainer::bicAicCurve(data, config, 6, 1, stop.get_token()).empty());
}

}  // namespace
}  // namespace genlab::gmm
