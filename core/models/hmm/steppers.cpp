#include "core/models/hmm/steppers.h"

#include <cmath>

#include "core/models/hmm/emissions.h"
#include "core/models/hmm/recursions.h"

namespace genlab::hmm {

using detail::forwardColumns;
using detail::viterbiColumns;

ForwardStepper::ForwardStepper(HmmModel model, const Observations& obs)
    : m_model(std::move(model)) {
  scaledEmissions(m_model, obs, m_emissions, m_offset);
  m_alpha = RowMatrix::Zero(obs.length(), m_model.states());
  m_scale = Eigen::VectorXd::Zero(obs.length());
}

bool ForwardStepper::advance() {
  if (done()) return false;
  forwardColumns<Eigen::Dynamic>(m_model, m_emissions, m_alpha, m_scale, m_done, m_done + 1);
  m_logLik += std::log(m_scale(m_done)) + m_offset(m_done);
  ++m_done;
  return true;
}

ViterbiStepper::ViterbiStepper(HmmModel model, const Observations& obs)
    : m_logStart(model.start.array().log()), m_logA(model.transition.array().log()) {
  logEmissions(model, obs, m_logEmissions);
  m_delta = RowMatrix::Zero(obs.length(), model.states());
  m_psi = IndexMatrix::Zero(obs.length(), model.states());
  m_path.assign(static_cast<std::size_t>(obs.length()), -1);
}

bool ViterbiStepper::advance() {
  if (!forwardDone()) {
    viterbiColumns<Eigen::Dynamic>(m_logStart, m_logA, m_logEmissions, m_delta, m_psi, m_columns,
                                   m_columns + 1);
    ++m_columns;
    if (forwardDone()) m_logProb = m_delta.row(length() - 1).maxCoeff();
    return true;
  }
  if (done()) return false;
  const Index t = length() - 1 - m_traced;
  if (t == length() - 1) {
    Index best = 0;
    m_delta.row(t).maxCoeff(&best);
    m_path[t] = static_cast<int>(best);
  } else {
    m_path[t] = m_psi(t + 1, m_path[t + 1]);
  }
  ++m_traced;
  return true;
}

}  // namespace genlab::hmm
