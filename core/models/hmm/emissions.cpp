#include "core/models/hmm/emissions.h"

#include <cmath>
#include <numbers>

namespace genlab::hmm {

namespace {

// Per-state pieces of the diagonal Gaussian log-density, laid out d x K so that the values
// for one component c across all states are contiguous:
//   log N(x; mu_i, diag(v_i)) = norm(i) + sum_c (x_c - meanT(c, i))^2 * negHalfPrecT(c, i)
struct GaussianTerms {
  RowMatrix meanT;          // d x K
  RowMatrix negHalfPrecT;   // d x K, -1 / (2 v)
  Eigen::RowVectorXd norm;  // K, -1/2 sum_c log(2 pi v_ic)
};

GaussianTerms gaussianTerms(const HmmModel& model) {
  GaussianTerms g;
  g.meanT = model.means.transpose();
  g.negHalfPrecT = (-0.5 / model.variances.array()).matrix().transpose();
  g.norm =
      -0.5 *
      (2.0 * std::numbers::pi * model.variances.array()).log().matrix().rowwise().sum().transpose();
  return g;
}

}  // namespace

void logEmissions(const HmmModel& model, const Observations& obs, RowMatrix& out) {
  out.resize(obs.length(), model.states());
  logEmissionsInto(model, obs, out);
}

void logEmissionsInto(const HmmModel& model, const Observations& obs, Eigen::Ref<RowMatrix> out) {
  const Index t_len = obs.length();
  if (model.isDiscrete()) {
    const RowMatrix logE = model.emissionProbs.array().log().matrix().transpose();  // M x K
    for (Index t = 0; t < t_len; ++t) out.row(t) = logE.row(obs.symbols[t]);
    return;
  }
  const GaussianTerms g = gaussianTerms(model);
  for (Index t = 0; t < t_len; ++t) {
    auto row = out.row(t).array();
    row = g.norm.array();
    for (Index c = 0; c < model.dim(); ++c)
      row += (obs.values(t, c) - g.meanT.row(c).array()).square() * g.negHalfPrecT.row(c).array();
  }
}

void scaledEmissions(const HmmModel& model, const Observations& obs, RowMatrix& out,
                     Eigen::VectorXd& offset) {
  const Index t_len = obs.length();
  offset.resize(t_len);
  if (model.isDiscrete()) {
    const RowMatrix probT = model.emissionProbs.transpose();  // M x K
    out.resize(t_len, model.states());
    for (Index t = 0; t < t_len; ++t) out.row(t) = probT.row(obs.symbols[t]);
    offset.setZero();
    return;
  }
  logEmissions(model, obs, out);
  offset = out.rowwise().maxCoeff();
  out.colwise() -= offset;
  out = out.array().exp().matrix();
}

}  // namespace genlab::hmm
