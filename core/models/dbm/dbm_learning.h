#pragma once
// Joint training of a two-layer DBM (Salakhutdinov and Hinton 2009, section 3): stochastic
// approximation of the likelihood gradient
//
//   dW1 = E_data[v h1'] - E_model[v h1'],   dW2 = E_data[h1 h2'] - E_model[h1 h2'],   biases alike
//
// with the data term from the mean-field posterior q(h1, h2 | v) (dbm_mean_field.h) and the
// model term from persistent Gibbs chains (alternating sweeps: h1 given v and h2, then v and h2
// given h1).
//
// In the stacked view (dbm_model.h: an RBM over (v, h2) against h1) this is exactly persistent
// contrastive divergence on the batch X = [v, mu2]: the RBM learner's positive phase takes
// p(h1 | X) = sigmoid(W1'v + W2 mu2 + c1), which is one more mean-field update of mu1 (equal to
// it at the fixed point), and forms X'p(h1 | X) = [v mu1'; mu2 mu1'], the DBM's data statistics
// for W1 and W2'; its negative phase samples (v, h2) given the chains' h1 and then h1 given
// (v, h2), the DBM's layer-wise sweep. So the update is rbm::ContrastiveDivergence's, with
// learning rate, momentum and weight decay (on W1 and W2), fed the mean-field h2.

#include <Eigen/Core>

#include "core/models/dbm/dbm_mean_field.h"
#include "core/models/dbm/dbm_model.h"
#include "core/models/rbm/rbm_learning.h"

namespace genlab::dbm {

class JointTraining {
 public:
  // `learning.persistent` is forced on (a DBM has no CD start state for h2); `chains`: the
  // number of persistent chains.
  JointTraining(rbm::LearningSettings learning, const MeanFieldSettings& meanField,
                const Dbm& shape, Eigen::Index chains);

  void setSettings(rbm::LearningSettings learning, const MeanFieldSettings& meanField);

  // One update of `dbm` from `batch` (B x V, binary).
  void update(Dbm& dbm, const Eigen::MatrixXd& batch, const rbm::UniformFill& uniforms);

  // The chains' last (v, h2) samples, C x (V + H2), and h1 states, C x H1.
  const Eigen::MatrixXd& chainVisible() const { return m_learner.negativeVisible(); }
  const rbm::ContrastiveDivergence& learner() const { return m_learner; }
  rbm::ContrastiveDivergence& learner() { return m_learner; }
  int lastMeanFieldIterations() const { return m_iterations; }

 private:
  rbm::ContrastiveDivergence m_learner;
  MeanFieldSettings m_meanField;
  int m_iterations = 0;
};

}  // namespace genlab::dbm
