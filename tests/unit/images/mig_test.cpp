#include "core/math/mig.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/util/rng.h"

namespace genlab::math {
namespace {

// Two independent factors over a full grid: a (3 levels) and b (4 levels), each pair 5 times.
Eigen::MatrixXi gridFactors() {
  Eigen::MatrixXi f(60, 2);
  int row = 0;
  for (int rep = 0; rep < 5; ++rep)
    for (int a = 0; a < 3; ++a)
      for (int b = 0; b < 4; ++b) {
        f(row, 0) = a;
        f(row, 1) = b;
        ++row;
      }
  return f;
}

TEST(Mig, LatentsThatCopyTheFactorsScoreOne) {
  const Eigen::MatrixXi f = gridFactors();
  const Eigen::MatrixXf z = f.cast<float>();
  const MigResult r = mutualInformationGap(z, f, {3, 4});
  EXPECT_NEAR(r.factorEntropy[0], std::log(3.0), 1e-12);
  EXPECT_NEAR(r.factorEntropy[1], std::log(4.0), 1e-12);
  // Each latent knows its own factor fully and the other not at all (independent on the grid).
  EXPECT_NEAR(r.mutualInformation(0, 0), std::log(3.0), 1e-12);
  EXPECT_NEAR(r.mutualInformation(1, 0), 0.0, 1e-12);
  EXPECT_NEAR(r.mig, 1.0, 1e-12);
}

TEST(Mig, AFactorSharedByTwoLatentsHasNoGap) {
  const Eigen::MatrixXi f = gridFactors();
  Eigen::MatrixXf z(60, 2);
  z.col(0) = f.col(0).cast<float>();
  z.col(1) = (2.0f * f.col(0).cast<float>()).array() + 1.0f;  // same information, other scale
  const MigResult r = mutualInformationGap(z, f, {3, 4});
  EXPECT_NEAR(r.gapPerFactor[0], 0.0, 1e-12);
  EXPECT_NEAR(r.gapPerFactor[1], 0.0, 1e-12);  // nobody knows b
  EXPECT_NEAR(r.mig, 0.0, 1e-12);
}

TEST(Mig, HandWorkedPartialInformation) {
  // One binary factor v, one latent that equals v except that v=1 is read as 0 half the time:
  // joint p(z,v): (0,0)=1/2, (0,1)=1/4, (1,1)=1/4. I = H(z) - H(z|v) with H(z) = H(3/4, 1/4),
  // H(z|v) = 1/2 * H(1/2) = ln2 / 2. Gap = I / H(v) = I / ln 2 (a single latent: second is 0).
  Eigen::MatrixXi f(4, 1);
  f << 0, 0, 1, 1;
  Eigen::MatrixXf z(4, 1);
  z << 0, 0, 0, 1;
  const MigResult r = mutualInformationGap(z, f, {2}, 2);
  const double hz = -(0.75 * std::log(0.75) + 0.25 * std::log(0.25));
  const double expected = hz - 0.5 * std::log(2.0);
  EXPECT_NEAR(r.mutualInformation(0, 0), expected, 1e-12);
  EXPECT_NEAR(r.mig, expected / std::log(2.0), 1e-12);
}

TEST(Mig, NoiseLatentsScoreNearZero) {
  const Eigen::MatrixXi f = gridFactors().replicate(50, 1);
  Rng rng(3);
  Eigen::MatrixXf z(f.rows(), 3);
  for (Eigen::Index i = 0; i < z.size(); ++i) z.data()[i] = static_cast<float>(rng.normal());
  EXPECT_LT(mutualInformationGap(z, f, {3, 4}).mig, 0.05);
}

}  // namespace
}  // namespace genlab::math
