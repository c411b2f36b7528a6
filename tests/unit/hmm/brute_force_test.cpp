// Forward likelihood, gamma, xi and Viterbi against enumeration of all K^T hidden paths.
#include <gtest/gtest.h>

#include <cmath>

#include "core/models/hmm/forward_backward.h"
#include "core/models/hmm/log_space.h"
#include "core/models/hmm/sampling.h"
#include "core/models/hmm/viterbi.h"
#include "core/util/errors.h"
#include "hmm_test_models.h"

namespace genlab::hmm {
namespace {

using testing::BruteForce;

void expectMatchesBruteForce(const HmmModel& model, const Observations& obs) {
  const BruteForce ref(model, obs);
  const ForwardBackward fb = forwardBackward(model, obs);
  EXPECT_NEAR(fb.logLikelihood, std::log(ref.likelihood), 1e-10);
  EXPECT_NEAR(logForwardBackward(model, obs).logLikelihood, std::log(ref.likelihood), 1e-10);

  const RowMatrix gamma = fb.gamma();
  EXPECT_LT((gamma - ref.gamma).cwiseAbs().maxCoeff(), 1e-12);

  RowMatrix sum = RowMatrix::Zero(model.states(), model.states());
  for (Index t = 0; t + 1 < obs.length(); ++t) {
    EXPECT_LT((xiAt(model, fb, t) - ref.xi[t]).cwiseAbs().maxCoeff(), 1e-12) << "t=" << t;
    sum += ref.xi[t];
  }
  EXPECT_LT((xiSum(model, fb) - sum).cwiseAbs().maxCoeff(), 1e-11);

  const ViterbiResult vit = viterbi(model, obs);
  EXPECT_EQ(vit.path, ref.bestPath);
  EXPECT_NEAR(vit.logProb, std::log(ref.bestJoint), 1e-10);
  const ViterbiTrace trace = viterbiTrace(model, obs);
  EXPECT_EQ(trace.path, ref.bestPath);
  EXPECT_EQ(trace.logProb, vit.logProb);
}

TEST(HmmBruteForce, DiscreteCasinoShortSequences) {
  const HmmModel casino = testing::casinoModel();
  Rng rng(11);
  for (Index t_len = 1; t_len <= 8; ++t_len) {
    SCOPED_TRACE(t_len);
    expectMatchesBruteForce(casino, sample(casino, t_len, rng).observations);
  }
}

TEST(HmmBruteForce, DiscreteRandomModels) {
  Rng rng(12);
  for (int trial = 0; trial < 12; ++trial) {
    const Index k = 1 + trial % 3;
    const HmmModel model = testing::randomDiscreteModel(k, 4, rng);
    SCOPED_TRACE(trial);
    expectMatchesBruteForce(model, sample(model, 3 + trial % 5, rng).observations);
  }
}

TEST(HmmBruteForce, GaussianOneAndTwoDimensions) {
  Rng rng(13);
  for (int trial = 0; trial < 12; ++trial) {
    const Index k = 1 + trial % 3;
    const Index d = 1 + trial % 2;
    const HmmModel model = testing::randomGaussianModel(k, d, rng);
    SCOPED_TRACE(trial);
    expectMatchesBruteForce(model, sample(model, 8 - trial % 4, rng).observations);
  }
}

TEST(HmmBruteForce, GaussianFarOutlierDoesNotUnderflow) {
  // x = 60 sd away from every mean: raw densities underflow to 0 in double, the scaled
  // emissions must not. Reference: the log-space pass (exact here, no underflow).
  Rng rng(14);
  HmmModel model = testing::randomGaussianModel(3, 1, rng);
  RowMatrix x(4, 1);
  x << 0.0, 80.0, -1.0, 2.0;
  const Observations obs = Observations::gaussian(x);
  const double scaled = forwardBackward(model, obs).logLikelihood;
  const double logSpace = logForwardBackward(model, obs).logLikelihood;
  ASSERT_TRUE(std::isfinite(scaled));
  EXPECT_NEAR(scaled, logSpace, 1e-9 * std::abs(logSpace));
}

TEST(HmmBruteForce, ImpossibleSequenceIsReported) {
  HmmModel model = testing::casinoModel();
  model.emissionProbs.row(0) << 0.2, 0.2, 0.2, 0.2, 0.2, 0.0;
  model.emissionProbs.row(1) << 0.25, 0.25, 0.25, 0.25, 0.0, 0.0;
  const Observations obs = Observations::discrete({0, 1, 5});
  EXPECT_THROW(forwardBackward(model, obs), NumericError);
}

}  // namespace
}  // namespace genlab::hmm
