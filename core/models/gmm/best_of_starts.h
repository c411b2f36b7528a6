#pragma once
// Several starts fitted to convergence, the best kept: scikit-learn's `n_init`.

#include <stop_token>
#include <vector>

#include "core/models/gmm/gaussian_mixture.h"

namespace genlab::gmm {

struct BestOfStarts {
  int best = 0;                            // 0-based index of the start kept
  std::vector<double> meanLogLikelihoods;  // per start, after its fit
  std::vector<int> iterations;             // per start
};

// Fits `model` from the start it holds, then from nInit - 1 more starts that initialize() draws
// one after another from the model's Rng (so the starts are those of one seed, as scikit-learn
// draws its n_init starts from one random state). Leaves the model holding the fit with the
// highest mean log-likelihood, the earliest on a tie, exactly as it ended (parameters,
// iteration count, convergence). A stop request ends it after the current fit; the best so far
// is kept.
BestOfStarts fitBestOfStarts(GaussianMixture& model, int nInit, std::stop_token stop = {});

}  // namespace genlab::gmm
