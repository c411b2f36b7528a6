// Naive Bayes against values worked by hand on four samples (the working is in each test), and
// its sampling against the fitted parameters it draws from.

#include "core/models/nb/naive_bayes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "core/models/nb/nb_kernels.h"
#include "core/util/errors.h"

namespace genlab::nb {
namespace {

using Eigen::MatrixXd;

MatrixXd rows(std::initializer_list<std::initializer_list<double>> values) {
  MatrixXd m(static_cast<Eigen::Index>(values.size()),
             static_cast<Eigen::Index>(values.begin()->size()));
  Eigen::Index i = 0;
  for (const auto& row : values) {
    Eigen::Index j = 0;
    for (const double v : row) m(i, j++) = v;
    ++i;
  }
  return m;
}

NbConfig configOf(NbKind kind) {
  NbConfig config;
  config.kind = kind;
  return config;
}

// Class 0: (0, 1), (2, 1); class 1: (4, 1), (4, 3).
// Over all four, feature 1 has mean 2.5 and variance (6.25 + 0.25 + 2.25 + 2.25) / 4 = 2.75;
// feature 2 mean 1.5, variance (3 * 0.25 + 2.25) / 4 = 0.75. The largest is 2.75, so
// var_smoothing 0.1 gives epsilon 0.275, added to every class variance:
//   class 0: mean (1, 1), variance (1, 0) + eps = (1.275, 0.275)
//   class 1: mean (4, 2), variance (0, 1) + eps = (0.275, 1.275)
// At x = (2, 1) the log(2 pi var) terms are the same two numbers in both classes and the priors
// are equal, so the joints differ only in the squared terms:
//   class 0: -0.5 (1 / 1.275 + 0 / 0.275)     class 1: -0.5 (4 / 0.275 + 1 / 1.275)
// difference 2 / 0.275, so P(class 0 | x) = 1 / (1 + exp(-2 / 0.275)).
TEST(NaiveBayes, GaussianFollowsTheEpsilonRuleWorkedByHand) {
  NbConfig config = configOf(NbKind::Gaussian);
  config.varSmoothing = 0.1;
  const NaiveBayes model(config, rows({{0, 1}, {2, 1}, {4, 1}, {4, 3}}), {0, 0, 1, 1}, 2);
  EXPECT_DOUBLE_EQ(model.epsilon(), 0.275);
  EXPECT_DOUBLE_EQ(model.theta()(0, 0), 1.0);
  EXPECT_DOUBLE_EQ(model.theta()(1, 1), 2.0);
  EXPECT_DOUBLE_EQ(model.var()(0, 0), 1.275);
  EXPECT_DOUBLE_EQ(model.var()(0, 1), 0.275);
  EXPECT_DOUBLE_EQ(model.var()(1, 0), 0.275);
  EXPECT_DOUBLE_EQ(model.var()(1, 1), 1.275);

  const MatrixXd x = rows({{2, 1}});
  const double p0 = 1.0 / (1.0 + std::exp(-2.0 / 0.275));
  const MatrixXd proba = model.predictProba(x);
  EXPECT_NEAR(proba(0, 0), p0, 1e-15);
  EXPECT_NEAR(proba(0, 1), 1.0 - p0, 1e-15);

  // log p(x | class 0) = log N(2 | 1, 1.275) + log N(1 | 1, 0.275), written out.
  const double twoPi = 2.0 * std::numbers::pi;
  const double logLik0 =
      -0.5 * (std::log(twoPi * 1.275) + 1.0 / 1.275) - 0.5 * std::log(twoPi * 0.275);
  EXPECT_NEAR(model.classLogLikelihood(x)(0, 0), logLik0, 1e-14);
  // log p(x) = log(0.5 p(x|0) + 0.5 p(x|1)) = log(0.5 p(x|0) / P(0|x)).
  EXPECT_NEAR(model.marginalLogLikelihood(x)(0), std::log(0.5) + logLik0 - std::log(p0), 1e-13);
}

TEST(NaiveBayes, GaussianWithoutSmoothingRejectsAFeatureConstantInAClass) {
  NbConfig config = configOf(NbKind::Gaussian);
  config.varSmoothing = 0.0;
  EXPECT_THROW(NaiveBayes(config, rows({{0, 1}, {2, 1}, {4, 1}, {4, 3}}), {0, 0, 1, 1}, 2),
               NumericError);
}

// Class 0: (1, 0), (1, 1); class 1: (0, 0), (1, 0). With alpha 1, p = (count + 1) / (n + 2):
//   class 0: (2 + 1) / 4 = 3/4, (1 + 1) / 4 = 1/2;  class 1: (1 + 1) / 4 = 1/2, (0 + 1) / 4 = 1/4
// x = (1, 1): p(x|0) = 3/4 * 1/2 = 3/8, p(x|1) = 1/2 * 1/4 = 1/8; priors 1/2, so
// P(0|x) = 3/4 and p(x) = (3/8 + 1/8) / 2 = 1/4.
TEST(NaiveBayes, BernoulliWorkedByHand) {
  const NaiveBayes model(configOf(NbKind::Bernoulli), rows({{1, 0}, {1, 1}, {0, 0}, {1, 0}}),
                         {0, 0, 1, 1}, 2);
  EXPECT_NEAR(std::exp(model.featureLogProb()(0, 0)), 0.75, 1e-15);
  EXPECT_NEAR(std::exp(model.featureLogProb()(1, 1)), 0.25, 1e-15);
  const MatrixXd x = rows({{1, 1}});
  EXPECT_NEAR(model.predictProba(x)(0, 0), 0.75, 1e-15);
  EXPECT_NEAR(model.classLogLikelihood(x)(0, 0), std::log(3.0 / 8.0), 1e-15);
  EXPECT_NEAR(model.classLogLikelihood(x)(0, 1), std::log(1.0 / 8.0), 1e-15);
  EXPECT_NEAR(model.marginalLogLikelihood(x)(0), std::log(0.25), 1e-15);
}

// binarize 0.5: x > 0.5 is 1, so 0.5 itself is 0 (scikit-learn's rule), and the fit above
// repeats on grey values; alpha 0 becomes 1e-10, so a count of 0 of 2 gives p = 1e-10 / (2 +
// 2e-10), not 0.
TEST(NaiveBayes, BernoulliBinarizesWithStrictThresholdAndFloorsAlpha) {
  NbConfig config = configOf(NbKind::Bernoulli);
  config.binarize = 0.5;
  const MatrixXd grey = rows({{0.9, 0.5}, {0.6, 0.7}, {0.1, 0.0}, {0.8, 0.5}});
  const NaiveBayes model(config, grey, {0, 0, 1, 1}, 2);
  EXPECT_NEAR(model.predictProba(rows({{0.51, 2.0}}))(0, 0), 0.75, 1e-15);
  config.alpha = 0.0;
  const NaiveBayes sharp(config, grey, {0, 0, 1, 1}, 2);
  EXPECT_NEAR(std::exp(sharp.featureLogProb()(1, 1)), 1e-10 / (2.0 + 2e-10), 1e-25);
}

// Class 0 counts (2, 0) + (1, 1) = (3, 1), class 1 (0, 1) + (1, 3) = (1, 4); with alpha 1,
// (4, 2) / 6 and (2, 5) / 7. x = (1, 2): p(x|0) = (2/3) (1/3)^2 = 2/27, p(x|1) =
// (2/7) (5/7)^2 = 50/343. With the fourth sample moved to a third class the priors are 2/4, 1/4,
// 1/4, or 1/3 each with fit_prior off.
TEST(NaiveBayes, MultinomialWorkedByHand) {
  const MatrixXd counts = rows({{2, 0}, {1, 1}, {0, 1}, {1, 3}});
  const NaiveBayes model(configOf(NbKind::Multinomial), counts, {0, 0, 1, 1}, 2);
  const MatrixXd x = rows({{1, 2}});
  const double p0 = 2.0 / 27.0, p1 = 50.0 / 343.0;
  EXPECT_NEAR(model.classLogLikelihood(x)(0, 0), std::log(p0), 1e-14);
  EXPECT_NEAR(model.predictProba(x)(0, 0), p0 / (p0 + p1), 1e-15);

  const NaiveBayes three(configOf(NbKind::Multinomial), counts, {0, 0, 1, 2}, 3);
  EXPECT_NEAR(std::exp(three.classLogPrior()(0)), 0.5, 1e-15);
  NbConfig uniform = configOf(NbKind::Multinomial);
  uniform.fitPrior = false;
  const NaiveBayes flat(uniform, counts, {0, 0, 1, 2}, 3);
  EXPECT_NEAR(std::exp(flat.classLogPrior()(0)), 1.0 / 3.0, 1e-15);

  EXPECT_THROW(NaiveBayes(configOf(NbKind::Multinomial), rows({{1, -1}}), {0}, 1), DataError);
  EXPECT_THROW(model.predictProba(rows({{-1, 0}})), DataError);
}

TEST(NaiveBayes, RejectsLabelsThatDoNotFitTheData) {
  const MatrixXd x = rows({{0}, {1}, {2}});
  const NbConfig config = configOf(NbKind::Gaussian);
  EXPECT_THROW(NaiveBayes(config, x, {0, 1}, 2), std::invalid_argument);     // too few labels
  EXPECT_THROW(NaiveBayes(config, x, {0, 1, 2}, 2), std::invalid_argument);  // out of range
  EXPECT_THROW(NaiveBayes(config, x, {0, 0, 0}, 2), std::invalid_argument);  // class 1 empty
  NbConfig negative = config;
  negative.alpha = -1.0;
  EXPECT_THROW(NaiveBayes(negative, x, {0, 1, 1}, 2), ConfigError);
}

// Draws follow the distribution they come from: Bernoulli frequencies are p (3/4 and 1/2 for
// class 0 above), Gaussian draws have the class mean and variance. 20000 draws: standard errors
// about 0.003 (frequencies) and 0.01 (moments).
TEST(NaiveBayes, SamplesFollowTheClassConditional) {
  Rng rng(7);
  constexpr int kDraws = 20000;
  const NaiveBayes bernoulli(configOf(NbKind::Bernoulli), rows({{1, 0}, {1, 1}, {0, 0}, {1, 0}}),
                             {0, 0, 1, 1}, 2);
  Eigen::Vector2d frequency = Eigen::Vector2d::Zero();
  for (int i = 0; i < kDraws; ++i) frequency += bernoulli.sample(0, rng);
  frequency /= kDraws;
  EXPECT_NEAR(frequency(0), 0.75, 0.015);
  EXPECT_NEAR(frequency(1), 0.5, 0.015);

  NbConfig config = configOf(NbKind::Gaussian);
  config.varSmoothing = 0.1;
  const NaiveBayes gaussian(config, rows({{0, 1}, {2, 1}, {4, 1}, {4, 3}}), {0, 0, 1, 1}, 2);
  Eigen::Vector2d sum = Eigen::Vector2d::Zero(), squares = Eigen::Vector2d::Zero();
  for (int i = 0; i < kDraws; ++i) {
    const Eigen::VectorXd x = gaussian.sample(1, rng);
    sum += x;
    squares += x.cwiseProduct(x);
  }
  const Eigen::Vector2d mean = sum / kDraws;
  const Eigen::Vector2d var = squares / kDraws - mean.cwiseProduct(mean);
  EXPECT_NEAR(mean(0), 4.0, 0.03);
  EXPECT_NEAR(mean(1), 2.0, 0.03);
  EXPECT_NEAR(var(0), 0.275, 0.02);
  EXPECT_NEAR(var(1), 1.275, 0.05);
}

// numpySum must add in numpy's order. With a1 = 1e17, adding 1 to it is lost (its spacing is
// 16), so the order decides the result: numpy pairs ((1 + 1e17) + (-1e17 + 1)) + ((1 + 1) +
// (1 + 1)) = 0 + 4 = 4, where left to right gives ((1 + 1e17) - 1e17) + 5 = 5.
TEST(NaiveBayes, NumpySumAddsInNumpysPairwiseOrder) {
  const double a[8] = {1.0, 1e17, -1e17, 1.0, 1.0, 1.0, 1.0, 1.0};
  EXPECT_EQ(kernels::numpySum(a, 8), 4.0);
  double sequential = 0.0;
  for (const double v : a) sequential += v;
  EXPECT_EQ(sequential, 5.0);
  EXPECT_EQ(kernels::numpySum(a, 4), 1.0);  // below 8 values, left to right
}

// The blocked kernel sums each row's terms exactly as numpySum does over that row, also past
// the 128-feature split and for a row count that is not a multiple of the block.
TEST(NaiveBayes, DistanceKernelSumsEachRowInNumpysOrder) {
  Rng rng(3);
  constexpr int kRows = 301, kFeatures = 300, kClasses = 3;
  MatrixXd x(kRows, kFeatures), theta(kClasses, kFeatures), var(kClasses, kFeatures);
  for (auto* m : {&x, &theta}) {
    for (Eigen::Index k = 0; k < m->size(); ++k) m->data()[k] = rng.normal() * 1e3;
  }
  for (Eigen::Index k = 0; k < var.size(); ++k) var.data()[k] = std::exp(rng.normal() * 10);
  MatrixXd out(kRows, kClasses);
  kernels::scaledSquaredDistances(x, theta, var, out);
  std::vector<double> terms(kFeatures);
  for (int i = 0; i < kRows; ++i) {
    for (int c = 0; c < kClasses; ++c) {
      for (int j = 0; j < kFeatures; ++j) {
        const double diff = x(i, j) - theta(c, j);
        terms[static_cast<std::size_t>(j)] = (diff * diff) / var(c, j);
      }
      ASSERT_EQ(out(i, c), kernels::numpySum(terms.data(), kFeatures)) << i << ", " << c;
    }
  }
}

}  // namespace
}  // namespace genlab::nb
