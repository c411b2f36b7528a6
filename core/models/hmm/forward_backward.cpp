#include "core/models/hmm/forward_backward.h"

#include <cmath>

#include "core/models/hmm/emissions.h"
#include "core/models/hmm/recursions.h"

namespace genlab::hmm {

void forwardPass(const HmmModel& model, const Observations& obs, ForwardBackward& out) {
  scaledEmissions(model, obs, out.emissions, out.offset);
  const Index t_len = obs.length();
  out.alpha.resize(t_len, model.states());
  out.scale.resize(t_len);
  detail::dispatchStates(model.states(), [&](auto k) {
    detail::forwardColumns<decltype(k)::value>(model, out.emissions, out.alpha, out.scale, 0,
                                               t_len);
  });
  out.logLikelihood = out.scale.array().log().sum() + out.offset.sum();
}

void forwardBackward(const HmmModel& model, const Observations& obs, ForwardBackward& out) {
  forwardPass(model, obs, out);
  out.beta.resize(out.alpha.rows(), out.alpha.cols());
  detail::dispatchStates(model.states(), [&](auto k) {
    detail::backwardColumns<decltype(k)::value>(model, out.emissions, out.scale, out.beta);
  });
}

ForwardBackward forwardBackward(const HmmModel& model, const Observations& obs) {
  ForwardBackward fb;
  forwardBackward(model, obs, fb);
  return fb;
}

double logLikelihood(const HmmModel& model, const Observations& obs) {
  ForwardBackward fb;
  forwardPass(model, obs, fb);
  return fb.logLikelihood;
}

RowMatrix xiAt(const HmmModel& model, const ForwardBackward& fb, Index t) {
  const Eigen::RowVectorXd w =
      fb.emissions.row(t + 1).cwiseProduct(fb.beta.row(t + 1)) / fb.scale(t + 1);
  return (fb.alpha.row(t).transpose() * w).cwiseProduct(model.transition);
}

RowMatrix xiSum(const HmmModel& model, const ForwardBackward& fb) {
  const Index n = fb.length() - 1;
  const Index k = model.states();
  if (n <= 0) return RowMatrix::Zero(k, k);
  RowMatrix w = fb.emissions.bottomRows(n).cwiseProduct(fb.beta.bottomRows(n));
  w.array().colwise() /= fb.scale.tail(n).array();
  RowMatrix sum = fb.alpha.topRows(n).transpose() * w;
  return sum.cwiseProduct(model.transition);
}

}  // namespace genlab::hmm
