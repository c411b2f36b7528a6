#include "core/models/rbm/rbm_pseudo_likelihood.h"

#include <cmath>
#include <stdexcept>

namespace genlab::rbm {

using Eigen::ArrayXd;
using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

// log sigmoid(z), without overflow.
double logSigmoid(double z) {
  return -softplus(-z);
}

}  // namespace

VectorXd pseudoLogLikelihood(const Rbm& rbm, const MatrixXd& v) {
  const Index V = rbm.visible();
  MatrixXd x = v * rbm.weights;  // N x H
  x.rowwise() += rbm.hiddenBias.transpose();
  VectorXd out(v.rows());
  Eigen::ArrayXXd flipped(V, rbm.hidden());
  for (Index n = 0; n < v.rows(); ++n) {
    const ArrayXd sign = 1.0 - 2.0 * v.row(n).transpose().array();  // +1 turns a 0 on
    const Eigen::RowVectorXd xn = x.row(n);
    // Row i: the hidden inputs with pixel i flipped.
    flipped = (rbm.weights.array().colwise() * sign).rowwise() + xn.array();
    const double base = softplus(Eigen::ArrayXXd(xn.array())).sum();
    // F(flip_i) - F(v) = -sign_i b_i - (sum_j softplus(flipped_ij) - sum_j softplus(x_j)).
    const ArrayXd delta =
        -sign * rbm.visibleBias.array() - (softplus(flipped).rowwise().sum() - base);
    double total = 0.0;
    for (Index i = 0; i < V; ++i) total += logSigmoid(delta(i));
    out(n) = total;
  }
  return out;
}

VectorXd pixelTerm(const Rbm& rbm, const MatrixXd& v, const std::vector<Index>& pixels) {
  if (static_cast<Index>(pixels.size()) != v.rows()) {
    throw std::invalid_argument("pixelTerm: one pixel per row expected");
  }
  MatrixXd flipped = v;
  for (Index n = 0; n < v.rows(); ++n) {
    const Index i = pixels[static_cast<std::size_t>(n)];
    flipped(n, i) = 1.0 - flipped(n, i);
  }
  const VectorXd delta = freeEnergy(rbm, flipped) - freeEnergy(rbm, v);
  VectorXd out(v.rows());
  for (Index n = 0; n < v.rows(); ++n) out(n) = logSigmoid(delta(n));
  return out;
}

}  // namespace genlab::rbm
