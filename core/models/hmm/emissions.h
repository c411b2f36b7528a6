#pragma once
// Emission densities evaluated for a whole sequence, as the T x K tables the recursions consume.

#include "core/models/hmm/hmm_model.h"
#include "core/models/hmm/observations.h"

namespace genlab::hmm {

// out(t, i) = log p(x_t | z_t = i).
void logEmissions(const HmmModel& model, const Observations& obs, RowMatrix& out);
// The same into a table the caller allocated, T x K.
void logEmissionsInto(const HmmModel& model, const Observations& obs, Eigen::Ref<RowMatrix> out);

// Emission probabilities rescaled per time step, for the scaled recursions:
//   out(t, i) = p(x_t | z_t = i) / exp(offset(t)),   offset(t) = max_i log p(x_t | i).
// Each row's largest entry is therefore 1, so a far-out Gaussian observation cannot underflow
// every state at once; the offsets go back into the log-likelihood. Discrete emissions are
// used as they are (offset 0): a probability table never needs the shift.
void scaledEmissions(const HmmModel& model, const Observations& obs, RowMatrix& out,
                     Eigen::VectorXd& offset);

}  // namespace genlab::hmm
