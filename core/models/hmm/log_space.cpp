#include "core/models/hmm/log_space.h"

#include <cmath>
#include <limits>

#include "core/models/hmm/emissions.h"

namespace genlab::hmm {

double logSumExp(const Eigen::Ref<const Eigen::RowVectorXd>& v) {
  const double m = v.maxCoeff();
  if (m == -std::numeric_limits<double>::infinity()) return m;
  return m + std::log((v.array() - m).exp().sum());
}

RowMatrix LogForwardBackward::logGamma() const {
  return (logAlpha + logBeta).array() - logLikelihood;
}

LogForwardBackward logForwardBackward(const HmmModel& model, const Observations& obs) {
  const Index t_len = obs.length();
  const Index k = model.states();
  RowMatrix logB;
  logEmissions(model, obs, logB);
  const RowMatrix logA = model.transition.array().log();
  const Eigen::RowVectorXd logStart = model.start.array().log().transpose();

  LogForwardBackward out;
  out.logAlpha.resize(t_len, k);
  out.logBeta.resize(t_len, k);
  out.logAlpha.row(0) = logStart + logB.row(0);
  Eigen::RowVectorXd terms(k);
  for (Index t = 1; t < t_len; ++t) {
    for (Index j = 0; j < k; ++j) {
      terms = out.logAlpha.row(t - 1) + logA.col(j).transpose();
      out.logAlpha(t, j) = logSumExp(terms) + logB(t, j);
    }
  }
  out.logBeta.row(t_len - 1).setZero();
  for (Index t = t_len - 2; t >= 0; --t) {
    for (Index i = 0; i < k; ++i) {
      terms = logA.row(i) + logB.row(t + 1) + out.logBeta.row(t + 1);
      out.logBeta(t, i) = logSumExp(terms);
    }
  }
  out.logLikelihood = logSumExp(out.logAlpha.row(t_len - 1));
  return out;
}

}  // namespace genlab::hmm
