#pragma once
// Forward-backward carried out entirely in log space, with log-sum-exp at every step. Slower
// than the scaled version (an exp per term) but independent of it, which is why it is kept:
// the tests check the two agree, and it stays finite where a scaled step would hit zero.

#include "core/models/hmm/hmm_model.h"
#include "core/models/hmm/observations.h"

namespace genlab::hmm {

struct LogForwardBackward {
  RowMatrix logAlpha;  // T x K, log P(x_0..t, z_t = i)
  RowMatrix logBeta;   // T x K, log P(x_t+1..T-1 | z_t = i)
  double logLikelihood = 0.0;

  // log gamma(t, i) = logAlpha + logBeta - logLikelihood.
  RowMatrix logGamma() const;
};

LogForwardBackward logForwardBackward(const HmmModel& model, const Observations& obs);

// log(sum exp(v)), exact for v all -inf (returns -inf).
double logSumExp(const Eigen::Ref<const Eigen::RowVectorXd>& v);

}  // namespace genlab::hmm
