// Step-through forward pass and Viterbi reproduce the one-shot versions column by column.
#include "core/models/hmm/steppers.h"

#include <gtest/gtest.h>

#include "core/models/hmm/forward_backward.h"
#include "core/models/hmm/log_space.h"
#include "core/models/hmm/sampling.h"
#include "core/models/hmm/viterbi.h"
#include "hmm_test_models.h"

namespace genlab::hmm {
namespace {

TEST(HmmSteppers, ForwardStepperMatchesLogSpacePrefixes) {
  Rng rng(61);
  const HmmModel model = testing::randomGaussianModel(3, 1, rng);
  const Observations obs = sample(model, 30, rng).observations;
  const LogForwardBackward ref = logForwardBackward(model, obs);
  ForwardStepper stepper(model, obs);
  EXPECT_EQ(stepper.columnsDone(), 0);
  for (Index t = 0; t < obs.length(); ++t) {
    ASSERT_TRUE(stepper.advance());
    EXPECT_EQ(stepper.columnsDone(), t + 1);
    // log P(x_0..t) = logsumexp of the log-space alpha column t.
    EXPECT_NEAR(stepper.logLikelihoodSoFar(), logSumExp(ref.logAlpha.row(t)), 1e-10);
    EXPECT_NEAR(stepper.alpha().row(t).sum(), 1.0, 1e-12);
    if (t + 1 < obs.length()) {
      EXPECT_EQ(stepper.alpha().row(t + 1).sum(), 0.0);
    }
  }
  EXPECT_TRUE(stepper.done());
  EXPECT_FALSE(stepper.advance());
  EXPECT_LT((stepper.alpha() - forwardBackward(model, obs).alpha).cwiseAbs().maxCoeff(), 1e-14);
}

TEST(HmmSteppers, ViterbiStepperFillsTablesThenBacktraces) {
  const HmmModel casino = testing::casinoModel();
  Rng rng(62);
  const Observations obs = sample(casino, 40, rng).observations;
  const ViterbiTrace ref = viterbiTrace(casino, obs);
  ViterbiStepper stepper(casino, obs);
  for (Index t = 0; t < obs.length(); ++t) {
    ASSERT_TRUE(stepper.advance());
    EXPECT_EQ(stepper.delta().row(t), ref.delta.row(t));
  }
  EXPECT_TRUE(stepper.forwardDone());
  EXPECT_DOUBLE_EQ(stepper.logProb(), ref.logProb);
  EXPECT_EQ(stepper.psi(), ref.psi);
  EXPECT_EQ(stepper.path()[0], -1);
  for (Index s = 0; s < obs.length(); ++s) {
    ASSERT_TRUE(stepper.advance());
    const Index t = obs.length() - 1 - s;
    EXPECT_EQ(stepper.path()[t], ref.path[t]);
    if (t > 0) {
      EXPECT_EQ(stepper.path()[t - 1], -1);
    }
  }
  EXPECT_TRUE(stepper.done());
  EXPECT_FALSE(stepper.advance());
  EXPECT_EQ(stepper.path(), ref.path);
}

TEST(HmmSteppers, CasinoViterbiFindsTheLoadedRun) {
  // Twenty sixes in a row among mixed rolls: the loaded die explains them.
  std::vector<int> rolls;
  for (int i = 0; i < 30; ++i) rolls.push_back(i % 5);
  for (int i = 0; i < 20; ++i) rolls.push_back(5);
  for (int i = 0; i < 30; ++i) rolls.push_back(i % 5);
  const ViterbiResult vit = viterbi(testing::casinoModel(), Observations::discrete(rolls));
  for (int t = 0; t < 80; ++t) EXPECT_EQ(vit.path[t], t >= 30 && t < 50 ? 1 : 0) << "t=" << t;
}

}  // namespace
}  // namespace genlab::hmm
