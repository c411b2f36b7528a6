// The scaled forward-backward against the independent log-space version.
#include "core/models/hmm/log_space.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/models/hmm/forward_backward.h"
#include "core/models/hmm/sampling.h"
#include "hmm_test_models.h"

namespace genlab::hmm {
namespace {

void expectAgree(const HmmModel& model, const Observations& obs) {
  const ForwardBackward fb = forwardBackward(model, obs);
  const LogForwardBackward lfb = logForwardBackward(model, obs);
  EXPECT_NEAR(fb.logLikelihood, lfb.logLikelihood, 1e-9 * std::abs(lfb.logLikelihood));
  const RowMatrix gammaLog = lfb.logGamma().array().exp();
  EXPECT_LT((fb.gamma() - gammaLog).cwiseAbs().maxCoeff(), 1e-9);
  // Normalised alpha is exp(logAlpha(t)) / sum_i exp(logAlpha(t, i)).
  for (Index t = 0; t < obs.length(); t += 97) {
    const Eigen::RowVectorXd a =
        (lfb.logAlpha.row(t).array() - logSumExp(lfb.logAlpha.row(t))).exp();
    EXPECT_LT((fb.alpha.row(t) - a).cwiseAbs().maxCoeff(), 1e-9) << "t=" << t;
  }
}

TEST(HmmLogSpace, AgreesWithScaledDiscrete) {
  Rng rng(21);
  for (Index k : {1, 2, 5, 9}) {
    const HmmModel model = testing::randomDiscreteModel(k, 7, rng);
    SCOPED_TRACE(k);
    expectAgree(model, sample(model, 2000, rng).observations);
  }
}

TEST(HmmLogSpace, AgreesWithScaledGaussian) {
  Rng rng(22);
  for (Index k : {2, 4, 8, 12}) {
    for (Index d : {1, 3}) {
      const HmmModel model = testing::randomGaussianModel(k, d, rng);
      SCOPED_TRACE(k * 10 + d);
      expectAgree(model, sample(model, 1500, rng).observations);
    }
  }
}

TEST(HmmLogSpace, LogSumExpOfAllMinusInfinity) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(logSumExp(Eigen::RowVector2d(-inf, -inf)), -inf);
  EXPECT_NEAR(logSumExp(Eigen::RowVector2d(1000.0, 1000.0)), 1000.0 + std::log(2.0), 1e-12);
}

}  // namespace
}  // namespace genlab::hmm
