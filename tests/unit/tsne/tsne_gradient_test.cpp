#include "core/math/tsne_gradient.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <utility>

#include "tsne_test_util.h"

namespace genlab::math {
namespace {

Embedding randomEmbedding(Eigen::Index n, double scale, std::uint64_t seed) {
  Rng rng(seed);
  Embedding y(n, 2);
  for (Eigen::Index e = 0; e < y.size(); ++e) y.data()[e] = scale * rng.normal();
  return y;
}

// The divergence by its definition, pair by pair (no shared code with the library's sums).
double klByDefinition(const SparseAffinities& p, const Embedding& y) {
  double z = 0.0;
  for (Eigen::Index i = 0; i < y.rows(); ++i)
    for (Eigen::Index j = 0; j < y.rows(); ++j)
      if (i != j) z += 1.0 / (1.0 + (y.row(i) - y.row(j)).squaredNorm());
  double kl = 0.0;
  for (int i = 0; i < p.n; ++i)
    for (int e = p.rowStart[static_cast<std::size_t>(i)];
         e < p.rowStart[static_cast<std::size_t>(i) + 1]; ++e) {
      const int j = p.col[static_cast<std::size_t>(e)];
      const double q = 1.0 / (1.0 + (y.row(i) - y.row(j)).squaredNorm()) / z;
      const double pij = p.val[static_cast<std::size_t>(e)];
      kl += pij * std::log(pij / q);
    }
  return kl;
}

TEST(TsneGradient, ExactKlMatchesItsDefinition) {
  const RowMatrixXd x = test::gaussianClusters(3, 15, 4, 3.0, 5);
  const SparseAffinities p = jointAffinitiesExact(x, 8.0);
  const Embedding y = randomEmbedding(x.rows(), 2.0, 6);
  EXPECT_NEAR(exactKlDivergence(p, y, 2), klByDefinition(p, y), 1e-12);
  Embedding grad;
  GradientOptions options;
  options.computeKl = true;
  EXPECT_NEAR(exactGradient(p, y, grad, options), klByDefinition(p, y), 1e-12);
}

TEST(TsneGradient, ExactGradientMatchesFiniteDifferences) {
  const RowMatrixXd x = test::gaussianClusters(3, 10, 5, 3.0, 7);
  const SparseAffinities p = jointAffinitiesExact(x, 6.0);
  const Embedding y = randomEmbedding(x.rows(), 1.5, 8);
  Embedding grad;
  exactGradient(p, y, grad);
  const double h = 1e-6;
  for (Eigen::Index e = 0; e < y.size(); ++e) {
    Embedding plus = y, minus = y;
    plus.data()[e] += h;
    minus.data()[e] -= h;
    const double numeric = (klByDefinition(p, plus) - klByDefinition(p, minus)) / (2 * h);
    ASSERT_NEAR(grad.data()[e], numeric, 1e-7 + 1e-5 * std::abs(numeric)) << "coordinate " << e;
  }
}

TEST(TsneGradient, ExaggerationScalesOnlyTheAttraction) {
  const RowMatrixXd x = test::gaussianClusters(2, 20, 3, 3.0, 9);
  const SparseAffinities p = jointAffinitiesExact(x, 5.0);
  const Embedding y = randomEmbedding(x.rows(), 1.0, 10);
  Embedding g1, g12;
  exactGradient(p, y, g1);
  GradientOptions options;
  options.exaggeration = 12.0;
  exactGradient(p, y, g12, options);
  // g(a) = 4 (a A - R / Z). With P = 0 the gradient is the repulsion alone, -4 R / Z; then
  // A = (g(1) + 4 R / Z) / 4 and g(12) must be 4 * 12 A - 4 R / Z.
  SparseAffinities zero = p;
  for (double& v : zero.val) v = 0.0;
  Embedding repulsionOnly;
  exactGradient(zero, y, repulsionOnly);  // -4 R
  const Embedding attraction = (g1 - repulsionOnly) / 4.0;
  EXPECT_LT((g12 - (4.0 * 12.0 * attraction + repulsionOnly)).norm(), 1e-12 * g12.norm());
}

TEST(TsneGradient, BarnesHutWithThetaZeroIsTheExactGradient) {
  const RowMatrixXd x = test::gaussianClusters(5, 120, 6, 4.0, 12);
  const SparseAffinities p = jointAffinitiesKnn(x, 20.0, 2);
  Embedding y = randomEmbedding(x.rows(), 10.0, 13);
  y.row(3) = y.row(4);  // coincident points
  GradientOptions options;
  options.computeKl = true;
  options.exaggeration = 4.0;
  Embedding exact, bh;
  const double klExact = exactGradient(p, y, exact, options);
  const double klBh = barnesHutGradient(p, y, 0.0, bh, options);
  EXPECT_LT((exact - bh).cwiseAbs().maxCoeff(), 1e-12 * exact.cwiseAbs().maxCoeff());
  EXPECT_NEAR(klExact, klBh, 1e-10 * std::abs(klExact));
}

TEST(TsneGradient, BarnesHutApproximationIsCloseAndTightensWithTheta) {
  const RowMatrixXd x = test::gaussianClusters(5, 400, 6, 4.0, 14);
  const SparseAffinities p = jointAffinitiesKnn(x, 30.0, 2);
  const Embedding y = randomEmbedding(x.rows(), 15.0, 15);
  Embedding exact;
  exactGradient(p, y, exact);
  double previous = 1e300;
  // Relative error bounds: a wrong centre of mass or opening test misses them by far.
  const std::pair<double, double> cases[] = {{0.8, 0.06}, {0.5, 0.02}, {0.2, 0.004}};
  for (const auto& [theta, bound] : cases) {
    Embedding bh;
    barnesHutGradient(p, y, theta, bh);
    const double error = (bh - exact).norm() / exact.norm();
    std::printf("theta %.1f: relative error %.2e\n", theta, error);
    EXPECT_LT(error, bound) << "theta " << theta;
    EXPECT_LT(error, previous) << "theta " << theta;
    previous = error;
  }
}

TEST(TsneGradient, ResultDoesNotDependOnTheThreadCount) {
  const RowMatrixXd x = test::gaussianClusters(4, 300, 5, 4.0, 16);
  const SparseAffinities p = jointAffinitiesKnn(x, 30.0, 1);
  const Embedding y = randomEmbedding(x.rows(), 10.0, 17);
  Embedding one, two;
  GradientOptions options;
  options.threads = 1;
  options.computeKl = true;
  const double kl1 = barnesHutGradient(p, y, 0.5, one, options);
  options.threads = 2;
  const double kl2 = barnesHutGradient(p, y, 0.5, two, options);
  EXPECT_EQ(one, two);
  EXPECT_EQ(kl1, kl2);
}

}  // namespace
}  // namespace genlab::math
