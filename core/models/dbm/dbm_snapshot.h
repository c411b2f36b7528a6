#pragma once
// What the DBM views draw, frozen at one moment. It extends the RBM's snapshot, whose fields
// describe the first layer (filters = columns of W1, the dreaming chains' p(v | h1), held-out
// images with their mean-field reconstructions p(v | mu1) and mu1 as `shownHidden`), so the RBM
// views draw them unchanged; the second layer and the DBM's likelihood figures are added here.

#include <string>
#include <vector>

#include "core/models/dbm/dbm_config.h"
#include "core/models/dbm/dbm_likelihood.h"
#include "core/models/rbm/rbm_snapshot.h"

namespace genlab::dbm {

enum class Phase { GreedyFirst = 0, GreedySecond = 1, Joint = 2 };
const char* describe(Phase phase);

struct DbmEvaluation {
  bool evaluated = false;
  std::int64_t step = 0;
  LikelihoodScore score;
};

struct DbmSnapshot final : rbm::RbmSnapshot {
  DbmConfig dbmConfig;
  Phase phase = Phase::GreedyFirst;
  int hidden2 = 0;
  // Second-layer filters: column k of W1 W2, the first-layer filters weighted by unit k's
  // weights to them; hidden2 x pixels, row-major per image.
  std::vector<float> secondFilters;
  float secondFilterScale = 1.0F;  // max |W1 W2|
  // mu2 of each shown held-out image: pairCount x hidden2 (mu1 is RbmSnapshot::shownHidden).
  std::vector<float> shownHidden2;
  DbmEvaluation dbmEvaluation;

  std::size_t bytes() const override {
    return RbmSnapshot::bytes() - sizeof(RbmSnapshot) + sizeof(DbmSnapshot) +
           (secondFilters.size() + shownHidden2.size()) * sizeof(float);
  }
};

}  // namespace genlab::dbm
