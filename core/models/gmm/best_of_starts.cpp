#include "core/models/gmm/best_of_starts.h"

#include <nlohmann/json.hpp>

namespace genlab::gmm {

BestOfStarts fitBestOfStarts(GaussianMixture& model, int nInit, std::stop_token stop) {
  BestOfStarts result;
  nlohmann::json bestState;
  for (int start = 0; start < nInit; ++start) {
    if (start > 0) {
      if (stop.stop_requested()) break;
      model.initialize();
    }
    model.fit(stop);
    const double score = model.meanLogLikelihood();
    result.meanLogLikelihoods.push_back(score);
    result.iterations.push_back(model.iterations());
    if (start == 0 || score > result.meanLogLikelihoods[static_cast<std::size_t>(result.best)]) {
      result.best = start;
      if (nInit > 1) bestState = model.exactState();
    }
  }
  const bool lastIsBest = result.best + 1 == static_cast<int>(result.meanLogLikelihoods.size());
  if (!lastIsBest) {
    // Keep the Rng where the last start left it, so that a later initialize() draws a start not
    // tried yet.
    bestState["rng"] = model.exactState()["rng"];
    model.restoreExactState(bestState);
  }
  return result;
}

}  // namespace genlab::gmm
