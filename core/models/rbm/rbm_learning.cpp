#include "core/models/rbm/rbm_learning.h"

#include "core/math/blas.h"

namespace genlab::rbm {

using Eigen::Index;
using Eigen::MatrixXd;

namespace {

// out = sigmoid(x op(W) + 1 bias'), op(W) = W (p(h | v), x rows x V) or W' (p(v | h), x rows x
// H). BLAS: Eigen's product runs at a fraction of OpenBLAS's speed on the baseline x86-64 build
// (core/math/blas.h).
void conditional(const MatrixXd& x, const MatrixXd& weights, char op, const Eigen::VectorXd& bias,
                 MatrixXd& out) {
  const bool hidden = op == 'N';
  const auto cols = static_cast<int>(hidden ? weights.cols() : weights.rows());
  out.resize(x.rows(), cols);
  if (x.rows() == 0) return;
  blas::gemm('N', op, static_cast<int>(x.rows()), cols, static_cast<int>(x.cols()), 1.0, x.data(),
             static_cast<int>(x.rows()), weights.data(), static_cast<int>(weights.rows()), 0.0,
             out.data(), static_cast<int>(x.rows()));
  out.rowwise() += bias.transpose();
  out = sigmoid(out.array()).matrix();
}

void hiddenGivenVisible(const Rbm& rbm, const MatrixXd& v, MatrixXd& out) {
  conditional(v, rbm.weights, 'N', rbm.hiddenBias, out);
}

void visibleGivenHidden(const Rbm& rbm, const MatrixXd& h, MatrixXd& out) {
  conditional(h, rbm.weights, 'T', rbm.visibleBias, out);
}

// target (V x H) += scale * x' y, x rows x V, y rows x H.
void addOuter(MatrixXd& target, double scale, const MatrixXd& x, const MatrixXd& y) {
  if (x.rows() == 0) return;
  blas::gemm('T', 'N', static_cast<int>(target.rows()), static_cast<int>(target.cols()),
             static_cast<int>(x.rows()), scale, x.data(), static_cast<int>(x.rows()), y.data(),
             static_cast<int>(y.rows()), 1.0, target.data(), static_cast<int>(target.rows()));
}

}  // namespace

UniformFill uniformsFrom(Rng& rng) {
  return [&rng](MatrixXd& m) {
    for (Index r = 0; r < m.rows(); ++r) {
      for (Index c = 0; c < m.cols(); ++c) m(r, c) = rng.uniform();
    }
  };
}

void sampleBernoulli(const MatrixXd& p, const UniformFill& fill, MatrixXd& uniforms,
                     MatrixXd& out) {
  uniforms.resize(p.rows(), p.cols());
  fill(uniforms);
  out = (uniforms.array() < p.array()).cast<double>().matrix();
}

MatrixXd gibbsSweeps(const Rbm& rbm, MatrixXd& v, int steps, const UniformFill& fill) {
  MatrixXd p, h, uniforms;
  MatrixXd vp;
  for (int s = 0; s < steps; ++s) {
    hiddenGivenVisible(rbm, v, p);
    sampleBernoulli(p, fill, uniforms, h);
    visibleGivenHidden(rbm, h, vp);
    sampleBernoulli(vp, fill, uniforms, v);
  }
  return vp;
}

ContrastiveDivergence::ContrastiveDivergence(const LearningSettings& settings, Index visible,
                                             Index hidden, Index chains)
    : m_settings(settings), m_chains(MatrixXd::Zero(chains, hidden)) {
  m_velocity.weights = MatrixXd::Zero(visible, hidden);
  m_velocity.visibleBias = Eigen::VectorXd::Zero(visible);
  m_velocity.hiddenBias = Eigen::VectorXd::Zero(hidden);
}

void ContrastiveDivergence::addStatistics(MatrixXd& target, const MatrixXd& batch,
                                          double posScale) {
  // posScale X'hPos - negScale v'hNeg as one product of the stacked [X; v] and
  // [posScale hPos; -negScale hNeg]: W is read and written once per update, not twice.
  const double negScale = m_settings.learningRate / static_cast<double>(m_vNeg.rows());
  const Index b = batch.rows();
  const Index c = m_vNeg.rows();
  m_stackedVisible.resize(b + c, batch.cols());
  m_stackedVisible.topRows(b) = batch;
  m_stackedVisible.bottomRows(c) = m_vNeg;
  m_stackedHidden.resize(b + c, m_hPos.cols());
  m_stackedHidden.topRows(b) = posScale * m_hPos;
  m_stackedHidden.bottomRows(c) = -negScale * m_hNeg;
  addOuter(target, 1.0, m_stackedVisible, m_stackedHidden);
}

void ContrastiveDivergence::update(Rbm& rbm, const MatrixXd& batch, const UniformFill& uniforms) {
  const bool persistent = m_settings.persistent;
  hiddenGivenVisible(rbm, batch, m_hPos);
  if (persistent) {
    m_h = m_chains;
  } else {
    sampleBernoulli(m_hPos, uniforms, m_uniforms, m_h);
  }
  for (int t = 1; t <= m_settings.cdSteps; ++t) {
    visibleGivenHidden(rbm, m_h, m_vNegP);
    sampleBernoulli(m_vNegP, uniforms, m_uniforms, m_vNeg);
    hiddenGivenVisible(rbm, m_vNeg, m_hNeg);
    if (t < m_settings.cdSteps) sampleBernoulli(m_hNeg, uniforms, m_uniforms, m_h);
  }

  const double lr = m_settings.learningRate;
  const double posScale = lr / static_cast<double>(batch.rows());
  const double negScale = lr / static_cast<double>(m_vNeg.rows());
  const bool plain = m_settings.momentum == 0.0 && m_settings.weightDecay == 0.0;
  if (plain) {
    // The velocity is the step itself: W is updated in place.
    addStatistics(rbm.weights, batch, posScale);
    rbm.hiddenBias += posScale * m_hPos.colwise().sum().transpose() -
                      negScale * m_hNeg.colwise().sum().transpose();
    rbm.visibleBias += posScale * batch.colwise().sum().transpose() -
                       negScale * m_vNeg.colwise().sum().transpose();
  } else {
    Rbm& vel = m_velocity;
    vel.weights *= m_settings.momentum;
    vel.weights -= (lr * m_settings.weightDecay) * rbm.weights;
    addStatistics(vel.weights, batch, posScale);
    vel.hiddenBias = m_settings.momentum * vel.hiddenBias +
                     posScale * m_hPos.colwise().sum().transpose() -
                     negScale * m_hNeg.colwise().sum().transpose();
    vel.visibleBias = m_settings.momentum * vel.visibleBias +
                      posScale * batch.colwise().sum().transpose() -
                      negScale * m_vNeg.colwise().sum().transpose();
    rbm.weights += vel.weights;
    rbm.hiddenBias += vel.hiddenBias;
    rbm.visibleBias += vel.visibleBias;
  }
  if (persistent) sampleBernoulli(m_hNeg, uniforms, m_uniforms, m_chains);
}

}  // namespace genlab::rbm
