// Sampling: empirical frequencies match the model; the same seed replays.
#include "core/models/hmm/sampling.h"

#include <gtest/gtest.h>

#include "hmm_test_models.h"

namespace genlab::hmm {
namespace {

TEST(HmmSampling, TransitionAndEmissionFrequenciesMatchModel) {
  const HmmModel casino = testing::casinoModel();
  Rng rng(41);
  const Index t_len = 400000;
  const SampledSequence s = sample(casino, t_len, rng);
  ASSERT_EQ(s.observations.length(), t_len);
  ASSERT_EQ(static_cast<Index>(s.path.size()), t_len);
  RowMatrix trans = RowMatrix::Zero(2, 2);
  RowMatrix emit = RowMatrix::Zero(2, 6);
  for (Index t = 0; t < t_len; ++t) {
    if (t > 0) trans(s.path[t - 1], s.path[t]) += 1.0;
    emit(s.path[t], s.observations.symbols[t]) += 1.0;
  }
  for (Index i = 0; i < 2; ++i) {
    trans.row(i) /= trans.row(i).sum();
    emit.row(i) /= emit.row(i).sum();
  }
  // Standard errors are below 0.002 for these counts; 0.006 is three of them.
  EXPECT_LT((trans - casino.transition).cwiseAbs().maxCoeff(), 0.006);
  EXPECT_LT((emit - casino.emissionProbs).cwiseAbs().maxCoeff(), 0.006);
}

TEST(HmmSampling, GaussianMomentsMatchModel) {
  Rng rng(42);
  HmmModel model = testing::randomGaussianModel(2, 2, rng);
  const SampledSequence s = sample(model, 200000, rng);
  for (int state = 0; state < 2; ++state) {
    Eigen::RowVector2d sum = Eigen::RowVector2d::Zero(), sq = Eigen::RowVector2d::Zero();
    double n = 0;
    for (Index t = 0; t < s.observations.length(); ++t) {
      if (s.path[t] != state) continue;
      sum += s.observations.values.row(t);
      sq += s.observations.values.row(t).cwiseAbs2();
      n += 1;
    }
    const Eigen::RowVector2d mean = sum / n;
    EXPECT_LT((mean - model.means.row(state)).cwiseAbs().maxCoeff(), 0.02);
    EXPECT_LT((sq / n - mean.cwiseAbs2() - model.variances.row(state)).cwiseAbs().maxCoeff(), 0.04);
  }
}

TEST(HmmSampling, SameSeedSameSequence) {
  const HmmModel casino = testing::casinoModel();
  Rng a(7), b(7);
  const SampledSequence x = sample(casino, 100, a);
  const SampledSequence y = sample(casino, 100, b);
  EXPECT_EQ(x.path, y.path);
  EXPECT_EQ(x.observations.symbols, y.observations.symbols);
}

}  // namespace
}  // namespace genlab::hmm
