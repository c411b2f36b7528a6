#pragma once
// One observed sequence: T discrete symbol ids, or T rows of d real values.

#include <vector>

#include "core/models/hmm/hmm_model.h"

namespace genlab::hmm {

struct Observations {
  EmissionKind kind = EmissionKind::Discrete;
  std::vector<int> symbols;  // discrete: ids in [0, M)
  RowMatrix values;          // Gaussian: T x d, row t is x_t

  static Observations discrete(std::vector<int> ids) {
    Observations obs;
    obs.kind = EmissionKind::Discrete;
    obs.symbols = std::move(ids);
    return obs;
  }
  static Observations gaussian(RowMatrix rows) {
    Observations obs;
    obs.kind = EmissionKind::Gaussian;
    obs.values = std::move(rows);
    return obs;
  }

  Index length() const {
    return kind == EmissionKind::Discrete ? static_cast<Index>(symbols.size()) : values.rows();
  }
};

// Throws DataError when the sequence is empty, its kind differs from the model's, a symbol is
// outside [0, M), the dimension differs from d, or a value is not finite. `name` prefixes the
// message ("sequence 2: symbol 7 at t=13 is outside the alphabet [0, 6)").
void checkObservations(const HmmModel& model, const Observations& obs, const std::string& name);

}  // namespace genlab::hmm
