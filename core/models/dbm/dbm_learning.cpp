#include "core/models/dbm/dbm_learning.h"

namespace genlab::dbm {

namespace {

rbm::LearningSettings persistent(rbm::LearningSettings learning) {
  learning.persistent = true;
  return learning;
}

}  // namespace

JointTraining::JointTraining(rbm::LearningSettings learning, const MeanFieldSettings& meanField,
                             const Dbm& shape, Eigen::Index chains)
    : m_learner(persistent(learning), shape.stacked.visible(), shape.stacked.hidden(), chains),
      m_meanField(meanField) {}

void JointTraining::setSettings(rbm::LearningSettings learning,
                                const MeanFieldSettings& meanField) {
  m_learner.setSettings(persistent(learning));
  m_meanField = meanField;
}

void JointTraining::update(Dbm& dbm, const Eigen::MatrixXd& batch,
                           const rbm::UniformFill& uniforms) {
  const MeanField q = meanField(dbm, batch, m_meanField);
  m_iterations = q.iterations;
  m_learner.update(dbm.stacked, stackRows(batch, q.mu2), uniforms);
}

}  // namespace genlab::dbm
