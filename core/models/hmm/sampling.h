#pragma once
// Drawing sequences from a model, and starting points for Baum-Welch. All randomness comes
// from the caller's genlab::Rng, so a seed replays.

#include <span>
#include <vector>

#include "core/models/hmm/hmm_model.h"
#include "core/models/hmm/observations.h"
#include "core/util/rng.h"

namespace genlab::hmm {

struct SampledSequence {
  Observations observations;
  std::vector<int> path;  // the hidden states that emitted them
};

// z_0 ~ start, z_t+1 ~ transition.row(z_t), x_t ~ emission of z_t. length >= 1.
SampledSequence sample(const HmmModel& model, Index length, Rng& rng);

// A random model to start Baum-Welch from: start and emission rows drawn from a flat
// Dirichlet mixed 90/10 with uniform (so no entry starts at 0), transition rows half such a
// draw and half staying put; for Gaussian emissions, means at K observations picked at random and
// variances equal to the data's per-dimension variance. `symbols` is M (discrete only).
HmmModel randomModel(EmissionKind kind, Index states, Index symbols,
                     std::span<const Observations> data, Rng& rng);

}  // namespace genlab::hmm
