// The starts: Lloyd's k-means ends at a fixed point, relocates empty clusters; greedy k-means++
// seeds spread over the clusters; each start method gives the parameters it promises; the best
// of several starts is kept exactly as it ended.

#include "core/models/gmm/gmm_init.h"

#include <gtest/gtest.h>

#include <set>

#include "core/models/gmm/best_of_starts.h"
#include "core/models/gmm/gaussian_mixture.h"
#include "core/util/errors.h"
#include "tests/unit/gmm/test_util.h"

namespace genlab::gmm {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

// Four separated clusters in 2-D, one sample per ROW (the public orientation).
MatrixXd fourClusters(Eigen::Index n, std::uint64_t seed) {
  GmmParams truth;
  truth.weights = VectorXd::Constant(4, 0.25);
  truth.means = MatrixXd{{-6, 0}, {6, 0}, {0, 6}, {0, -6}};
  truth.covariances.assign(4, MatrixXd::Identity(2, 2) * 0.5);
  Rng rng(seed);
  return test::drawMixture(truth, n, rng);
}

GmmConfig configWith(int k, InitMethod init) {
  GmmConfig config;
  config.k = k;
  config.init = init;
  return config;
}

// The model's weights and means are those of the samples grouped by `labels` (one M-step from
// one-hot responsibilities).
void expectMStepOf(const GaussianMixture& model, const MatrixXd& data,
                   const std::vector<int>& labels) {
  const auto n = static_cast<double>(data.rows());
  for (int k = 0; k < model.k(); ++k) {
    Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(data.cols());
    double count = 0;
    for (Eigen::Index i = 0; i < data.rows(); ++i) {
      if (labels[static_cast<std::size_t>(i)] != k) continue;
      sum += data.row(i);
      count += 1;
    }
    ASSERT_GT(count, 0) << "component " << k;
    EXPECT_NEAR(model.weights()(k), count / n, 1e-12) << "component " << k;
    EXPECT_LT((sum / count - model.means().row(k)).norm(), 1e-10) << "component " << k;
  }
}

TEST(KMeans, EndsWithEveryCentreTheMeanOfItsSamplesAndEverySampleAtItsNearestCentre) {
  const MatrixXd X = fourClusters(400, 1).transpose();
  Rng rng(3);
  const KMeansResult result = lloydKMeans(X, randomDataPoints(X, 4, rng), 300, 0.0);
  EXPECT_EQ(result.labels, nearestCentre(X, result.centres));
  for (int k = 0; k < 4; ++k) {
    VectorXd sum = VectorXd::Zero(2);
    int count = 0;
    for (Eigen::Index n = 0; n < X.cols(); ++n) {
      if (result.labels[static_cast<std::size_t>(n)] != k) continue;
      sum += X.col(n);
      ++count;
    }
    ASSERT_GT(count, 0);
    EXPECT_LT((sum / count - result.centres.col(k)).norm(), 1e-12) << "centre " << k;
  }
}

TEST(KMeans, ACentreWithNoSamplesMovesToTheFarthestSample) {
  // Three samples near 0 and one far out; the second centre starts where no sample is nearest.
  const MatrixXd X{{0.0, 0.1, -0.1, 10.0}};
  const MatrixXd start{{0.0, 1000.0}};
  const KMeansResult result = lloydKMeans(X, start, 300, 0.0);
  EXPECT_EQ(result.labels, (std::vector<int>{0, 0, 0, 1}));
  EXPECT_DOUBLE_EQ(result.centres(0, 1), 10.0);
  EXPECT_NEAR(result.centres(0, 0), 0.0, 1e-15);
}

TEST(KMeansPlusPlus, SeedsLandInDistinctClusters) {
  // Greedy k-means++ on four tight, far-apart clusters puts one seed in each, seed after seed.
  const MatrixXd X = fourClusters(400, 2).transpose();
  for (std::uint64_t seed = 0; seed < 30; ++seed) {
    Rng rng(seed);
    const MatrixXd seeds = kmeansPlusPlus(X, 4, rng);
    const std::vector<int> cluster = nearestCentre(seeds, MatrixXd{{-6, 6, 0, 0}, {0, 0, 6, -6}});
    EXPECT_EQ(std::set<int>(cluster.begin(), cluster.end()).size(), 4u) << "seed " << seed;
  }
}

TEST(GmmStart, KMeansStartIsTheMStepOfTheClusters) {
  const MatrixXd data = fourClusters(400, 4);
  GmmConfig config = configWith(4, InitMethod::KMeans);
  GaussianMixture model(config, data, 9);
  const MatrixXd seeds{{-5, 1}, {5, 1}, {1, 5}, {-1, -5}};
  model.initializeFromSeeds(seeds);
  EXPECT_EQ(model.iterations(), 0);
  const MatrixXd X = data.transpose();
  expectMStepOf(model, data, lloydKMeans(X, seeds.transpose()).labels);
}

TEST(GmmStart, RandomResponsibilitiesStartEveryComponentNearTheDataMean) {
  const MatrixXd data = fourClusters(2000, 5);
  GmmConfig config = configWith(4, InitMethod::Random);
  GaussianMixture model(config, data, 11);
  const Eigen::RowVectorXd centre = data.colwise().mean();
  const double spread = std::sqrt((data.rowwise() - centre).squaredNorm() / 2000.0);
  for (int k = 0; k < 4; ++k) {
    EXPECT_NEAR(model.weights()(k), 0.25, 0.02);
    EXPECT_LT((model.means().row(k) - centre).norm(), 0.1 * spread) << "component " << k;
  }
  // ... but not all at the same place: the draw broke the symmetry.
  EXPECT_GT((model.means().row(0) - model.means().row(1)).norm(), 0.0);
}

TEST(GmmStart, RandomWideStartsAtSamplesWithTheDataCovariance) {
  const MatrixXd data = fourClusters(300, 9);
  GmmConfig config = configWith(3, InitMethod::RandomWide);
  config.regCovar = 0.0;
  GaussianMixture model(config, data, 4);
  const Eigen::RowVectorXd centre = data.colwise().mean();
  const MatrixXd dataCovariance = (data.rowwise() - centre).transpose() *
                                  (data.rowwise() - centre) / static_cast<double>(data.rows());
  for (int k = 0; k < 3; ++k) {
    EXPECT_NEAR(model.weights()(k), 1.0 / 3.0, 1e-15);
    EXPECT_LT((model.covariance(k) - dataCovariance).norm(), 1e-10);
    // The mean is one of the samples.
    EXPECT_LT((data.rowwise() - model.means().row(k)).rowwise().norm().minCoeff(), 1e-12);
  }
}

TEST(GmmStart, SeedStartGivesEverySampleToItsNearestSeed) {
  const MatrixXd data = fourClusters(400, 6);
  GmmConfig config = configWith(4, InitMethod::KMeansPlusPlus);
  GaussianMixture model(config, data, 0);
  const MatrixXd seeds{{-5, 1}, {5, 1}, {1, 5}, {1, -5}};
  model.initializeFromSeeds(seeds);
  expectMStepOf(model, data, nearestCentre(data.transpose(), seeds.transpose()));
  config.init = InitMethod::Random;
  GaussianMixture random(config, data, 0);
  EXPECT_THROW(random.initializeFromSeeds(seeds), ConfigError);
}

TEST(GmmStart, DuplicateSeedsShareTheirSamplesAndGiveFiniteParameters) {
  // Two seeds on the same point: scikit-learn's E-step splits the tie evenly; so does genlab.
  const MatrixXd data = fourClusters(200, 7);
  GmmConfig config = configWith(2, InitMethod::RandomFromData);
  GaussianMixture model(config, data, 0);
  model.initializeFromSeeds(MatrixXd{{-6, 0}, {-6, 0}});
  EXPECT_NEAR(model.weights()(0), 0.5, 1e-12);
  EXPECT_NEAR(model.weights()(1), 0.5, 1e-12);
  EXPECT_TRUE(model.means().allFinite());
  EXPECT_TRUE(std::isfinite(model.logLikelihood()));
}

TEST(BestOfStarts, KeepsTheBestStartExactlyAsItEnded) {
  const MatrixXd data = fourClusters(300, 8);
  GmmConfig config =
      configWith(4, InitMethod::RandomFromData);  // starts that differ, some into local optima
  config.tol = 1e-8;
  // The same starts one by one: initialize() draws them in turn from one seed.
  GaussianMixture byHand(config, data, 21);
  std::vector<double> scores;
  std::vector<MatrixXd> means;
  for (int start = 0; start < 6; ++start) {
    if (start > 0) byHand.initialize();
    byHand.fit();
    scores.push_back(byHand.meanLogLikelihood());
    means.push_back(byHand.means());
  }
  GaussianMixture model(config, data, 21);
  const BestOfStarts result = fitBestOfStarts(model, 6);
  EXPECT_EQ(result.meanLogLikelihoods, scores);
  const auto best =
      static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
  EXPECT_EQ(result.best, best);
  EXPECT_EQ(model.meanLogLikelihood(), scores[static_cast<std::size_t>(best)]);
  EXPECT_EQ(model.means(), means[static_cast<std::size_t>(best)]);
  EXPECT_EQ(model.iterations(), result.iterations[static_cast<std::size_t>(best)]);
}

}  // namespace
}  // namespace genlab::gmm
