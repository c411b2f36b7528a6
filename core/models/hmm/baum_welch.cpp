#include "core/models/hmm/baum_welch.h"

#include <cmath>

#include "core/math/blas.h"
#include "core/util/errors.h"
#include "core/util/non_finite.h"

namespace genlab::hmm {

void BaumWelch::reset(const HmmModel& model, std::span<const Observations> sequences) {
  const Index k = model.states();
  m_acc.start = Eigen::VectorXd::Zero(k);
  m_acc.xiNoA = RowMatrix::Zero(k, k);
  if (model.isDiscrete()) {
    m_acc.countsT = RowMatrix::Zero(model.symbols(), k);
    return;
  }
  const Index d = model.dim();
  m_acc.weight = Eigen::VectorXd::Zero(k);
  m_acc.sum1 = RowMatrix::Zero(k, d);
  m_acc.sum2 = RowMatrix::Zero(k, d);
  m_acc.center = Eigen::RowVectorXd::Zero(d);
  Index n = 0;
  for (const Observations& obs : sequences) {
    m_acc.center += obs.values.colwise().sum();
    n += obs.length();
  }
  m_acc.center /= static_cast<double>(n);
}

void BaumWelch::accumulate(const HmmModel& model, const Observations& obs) {
  ForwardBackward& fb = m_fb;
  const Index t_len = fb.length();
  const Index n = t_len - 1;
  // W(t, j) = b(t, j) beta(t, j) / c_t, written over the emissions, which are not needed again.
  RowMatrix& w = fb.emissions;
  w.array() *= fb.beta.array();
  w.array().colwise() /= fb.scale.array();
  if (n > 0 && model.states() <= 8) {
    // Small K: Eigen's product beats the BLAS call overhead (measured at K = 4).
    m_acc.xiNoA.noalias() += fb.alpha.topRows(n).transpose() * w.bottomRows(n);
  } else if (n > 0) {
    // xiNoA += alpha[0:n]^T W[1:n+1]. Row-major T x K tables are column-major K x T to BLAS,
    // and the row-major K x K result is the column-major transpose, so the call computes
    // xiNoA^T += W[1:n+1]^T alpha[0:n] as ('N', 'T') on K x n operands.
    const int k = static_cast<int>(model.states());
    blas::gemm('N', 'T', k, k, static_cast<int>(n), 1.0, w.row(1).data(), k, fb.alpha.data(), k,
               1.0, m_acc.xiNoA.data(), k);
  }
  // gamma = alpha .* beta, written over beta.
  RowMatrix& gamma = fb.beta;
  gamma.array() *= fb.alpha.array();
  m_acc.start += gamma.row(0).transpose();
  if (model.isDiscrete()) {
    for (Index t = 0; t < t_len; ++t) m_acc.countsT.row(obs.symbols[t]) += gamma.row(t);
    return;
  }
  m_centered = obs.values.rowwise() - m_acc.center;
  m_acc.weight += gamma.colwise().sum().transpose();
  m_acc.sum1.noalias() += gamma.transpose() * m_centered;
  m_acc.sum2.noalias() += gamma.transpose() * m_centered.array().square().matrix();
}

HmmModel BaumWelch::maximise(const HmmModel& model) const {
  // A state whose expected count is below this keeps its old row: dividing by ~0 would give
  // noise, and the expected complete-data log-likelihood does not depend on that row anyway.
  constexpr double kTiny = 1e-300;
  HmmModel next = model;
  next.start = m_acc.start / m_acc.start.sum();
  const RowMatrix xi = m_acc.xiNoA.cwiseProduct(model.transition);
  for (Index i = 0; i < model.states(); ++i) {
    const double rowSum = xi.row(i).sum();
    if (rowSum > kTiny) next.transition.row(i) = xi.row(i) / rowSum;
  }
  if (model.isDiscrete()) {
    for (Index i = 0; i < model.states(); ++i) {
      const double total = m_acc.countsT.col(i).sum();
      if (total > kTiny) next.emissionProbs.row(i) = m_acc.countsT.col(i).transpose() / total;
    }
  } else {
    for (Index i = 0; i < model.states(); ++i) {
      const double wi = m_acc.weight(i);
      if (!(wi > kTiny)) continue;
      const Eigen::RowVectorXd shift = m_acc.sum1.row(i) / wi;
      next.means.row(i) = m_acc.center + shift;
      next.variances.row(i) =
          (m_acc.sum2.row(i) / wi - shift.cwiseAbs2()).cwiseMax(m_options.minVariance);
    }
  }
  return next;
}

double BaumWelch::iterate(HmmModel& model, std::span<const Observations> sequences,
                          std::int64_t step) {
  reset(model, sequences);
  double logLik = 0.0;
  for (const Observations& obs : sequences) {
    forwardBackward(model, obs, m_fb);
    logLik += m_fb.logLikelihood;
    accumulate(model, obs);
  }
  HmmModel next = maximise(model);
  // A sum is NaN or infinite when any entry is (probabilities and variances cannot overflow it).
  constexpr std::string_view kKept = "the model is left as it was";
  checkFinite(logLik, "log-likelihood", step, kKept);
  checkFinite(next.start.sum(), "start probabilities", step, kKept);
  checkFinite(next.transition.sum(), "transition matrix", step, kKept);
  checkFinite(next.emissionProbs.sum(), "emission probabilities", step, kKept);
  checkFinite(next.means.sum(), "emission means", step, kKept);
  checkFinite(next.variances.sum(), "emission variances", step, kKept);
  model = std::move(next);
  return logLik;
}

}  // namespace genlab::hmm
