#pragma once
// xi_t(i, j) = P(z_t = i, z_t+1 = j | x) from the snapshot's tables, on the UI thread.
//
// xi_t(i, j) is proportional to alpha_t(i) A(i, j) b_j(x_t+1) beta_t+1(j), with a constant that
// depends on t only. The snapshot's alpha and beta rows are rescaled per t (for display), which
// changes only that constant, so normalising the K x K product to sum 1 gives xi exactly, with
// O(K^2) work per t and no call to the trainer.

#include "core/models/hmm/hmm_model.h"
#include "core/models/hmm/observations.h"

namespace genlab::views::hmmui {

// K x K, entries sum to 1; t in [0, T-1). Zero matrix if the product underflows to 0.
hmm::RowMatrix xiFromTables(const hmm::HmmModel& model, const hmm::RowMatrix& alpha,
                            const hmm::RowMatrix& beta, const hmm::Observations& obs, hmm::Index t);

}  // namespace genlab::views::hmmui
