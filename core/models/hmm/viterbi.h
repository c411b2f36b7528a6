#pragma once
// Viterbi decoding in log space, with back-pointers.

#include <vector>

#include "core/models/hmm/hmm_model.h"
#include "core/models/hmm/observations.h"

namespace genlab::hmm {

struct ViterbiResult {
  std::vector<int> path;  // T, the most probable hidden path
  double logProb = 0.0;   // log P(x, path)
};

// The full tables, for the trellis view and the step-through teaching mode:
//   delta(t, j) = max over z_0..z_{t-1} of log P(x_0..t, z_0..t-1, z_t = j)
//   psi(t, j)   = the z_{t-1} attaining that max (row 0 is 0)
// and the back-trace: path[T-1] = argmax_j delta(T-1, j), path[t] = psi(t+1, path[t+1]).
// Ties go to the lowest state index.
struct ViterbiTrace {
  RowMatrix delta;  // T x K
  IndexMatrix psi;  // T x K
  std::vector<int> path;
  double logProb = 0.0;
};

ViterbiResult viterbi(const HmmModel& model, const Observations& obs);
ViterbiTrace viterbiTrace(const HmmModel& model, const Observations& obs);

}  // namespace genlab::hmm
