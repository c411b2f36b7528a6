#pragma once
// Contrastive divergence (CD-k) and persistent contrastive divergence (PCD-k, Tieleman 2008)
// for a binary RBM, with learning rate, momentum and L2 weight decay on W.
//
// One update from a minibatch X (B x V):
//   positive phase   hPos = p(h | X)                               (probabilities)
//   negative phase   h    = CD: a sample of hPos; PCD: the C persistent hidden states
//                    k times: v ~ p(v | h) (a 0/1 sample), hNeg = p(h | v),
//                             and (unless it is CD's last) h ~ hNeg
//                    PCD keeps the last h sample as its chains' state (C = the batch size,
//                    started at zero, as scikit-learn's BernoulliRBM.h_samples_)
//   gradient         dW = X'hPos / B - v'hNeg / C,  db = mean(X) - mean(v),
//                    dc = mean(hPos) - mean(hNeg)
//   step             velocity = momentum * velocity + lr * (gradient - weightDecay * W)
//                    (decay on W only), parameters += velocity
// With momentum 0, decay 0, k 1 and PCD this is scikit-learn's BernoulliRBM._fit exactly when
// the uniforms agree: it draws the visible sample's uniforms (C x V, row by row), then the
// hidden sample's (C x H). scikit-learn divides the negative statistics by B, not C: they
// differ only in an epoch's last, short batch.

#include <Eigen/Core>
#include <functional>

#include "core/models/rbm/rbm_model.h"
#include "core/util/rng.h"

namespace genlab::rbm {

struct LearningSettings {
  int cdSteps = 1;            // k
  bool persistent = false;    // PCD instead of CD
  double learningRate = 0.1;  // scikit-learn's default
  double momentum = 0.0;
  double weightDecay = 0.0;
};

// Fills every entry of the matrix (already sized) with uniforms in [0, 1), row after row.
using UniformFill = std::function<void(Eigen::MatrixXd&)>;
UniformFill uniformsFrom(Rng& rng);

class ContrastiveDivergence {
 public:
  // `chains`: PCD's persistent chains (usually the batch size); unused by CD.
  ContrastiveDivergence(const LearningSettings& settings, Eigen::Index visible, Eigen::Index hidden,
                        Eigen::Index chains);

  const LearningSettings& settings() const { return m_settings; }
  // Takes effect at the next update. Switching CD <-> PCD keeps the chains' state.
  void setSettings(const LearningSettings& settings) { m_settings = settings; }

  // One update of `rbm` from `batch` (B x V rows, values in [0, 1]).
  void update(Rbm& rbm, const Eigen::MatrixXd& batch, const UniformFill& uniforms);

  // The last negative phase: visible samples and p(v | h) that drew them, C x V (B x V for CD).
  const Eigen::MatrixXd& negativeVisible() const { return m_vNeg; }
  const Eigen::MatrixXd& negativeVisibleProbabilities() const { return m_vNegP; }
  // PCD's persistent hidden states, C x H.
  const Eigen::MatrixXd& chains() const { return m_chains; }
  void setChains(Eigen::MatrixXd chains) { m_chains = std::move(chains); }

  // Velocities (momentum state), shaped like the parameters.
  const Rbm& velocity() const { return m_velocity; }
  void setVelocity(Rbm velocity) { m_velocity = std::move(velocity); }

 private:
  // target += posScale X'hPos - (lr / C) v'hNeg, from the last negative phase.
  void addStatistics(Eigen::MatrixXd& target, const Eigen::MatrixXd& batch, double posScale);

  LearningSettings m_settings;
  Eigen::MatrixXd m_chains;
  Rbm m_velocity;
  // Work space, kept between updates.
  Eigen::MatrixXd m_hPos, m_h, m_hNeg, m_vNeg, m_vNegP, m_uniforms;
  Eigen::MatrixXd m_stackedVisible, m_stackedHidden;
};

// Samples every entry: out(r, c) = uniform < p(r, c) ? 1 : 0, uniforms from `fill`.
void sampleBernoulli(const Eigen::MatrixXd& p, const UniformFill& fill, Eigen::MatrixXd& uniforms,
                     Eigen::MatrixXd& out);

// `steps` Gibbs sweeps v -> h -> v from each row of `v` (sampled 0/1 units throughout); returns
// the last visible probabilities p(v | h) and leaves the last visible sample in `v`.
Eigen::MatrixXd gibbsSweeps(const Rbm& rbm, Eigen::MatrixXd& v, int steps, const UniformFill& fill);

}  // namespace genlab::rbm
