#pragma once
// Step-through versions of the forward pass and of Viterbi for the teaching mode: each
// advance() does one column (one t) of work, and the tables filled so far can be drawn.
// Both copy the model and observations, so they stay valid while the trainer moves on.

#include <vector>

#include "core/models/hmm/hmm_model.h"
#include "core/models/hmm/observations.h"

namespace genlab::hmm {

class ForwardStepper {
 public:
  ForwardStepper(HmmModel model, const Observations& obs);

  // Computes column t = columnsDone(); returns false (and does nothing) once all T are done.
  bool advance();
  bool done() const { return m_done == length(); }
  Index columnsDone() const { return m_done; }
  Index length() const { return m_alpha.rows(); }

  // T x K; rows [0, columnsDone()) hold P(z_t | x_0..t) and sum to 1, later rows are 0.
  const RowMatrix& alpha() const { return m_alpha; }
  // log P(x_0..t) for t = columnsDone() - 1 (0 before the first column).
  double logLikelihoodSoFar() const { return m_logLik; }

 private:
  HmmModel m_model;
  RowMatrix m_emissions;
  Eigen::VectorXd m_offset;
  Eigen::VectorXd m_scale;
  RowMatrix m_alpha;
  Index m_done = 0;
  double m_logLik = 0.0;
};

// Phase 1 fills delta/psi one column per advance(); phase 2 back-traces one step per advance(),
// filling path from T-1 down to 0. Entries of path not yet traced are -1.
class ViterbiStepper {
 public:
  ViterbiStepper(HmmModel model, const Observations& obs);

  bool advance();
  bool forwardDone() const { return m_columns == length(); }
  bool done() const { return m_traced == length(); }
  Index columnsDone() const { return m_columns; }
  Index tracedSteps() const { return m_traced; }
  Index length() const { return m_delta.rows(); }

  const RowMatrix& delta() const { return m_delta; }  // rows >= columnsDone() are 0
  const IndexMatrix& psi() const { return m_psi; }
  const std::vector<int>& path() const { return m_path; }
  double logProb() const { return m_logProb; }  // valid once forwardDone()

 private:
  Eigen::VectorXd m_logStart;
  RowMatrix m_logA;
  RowMatrix m_logEmissions;
  RowMatrix m_delta;
  IndexMatrix m_psi;
  std::vector<int> m_path;
  Index m_columns = 0;
  Index m_traced = 0;
  double m_logProb = 0.0;
};

}  // namespace genlab::hmm
