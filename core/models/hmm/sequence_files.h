#pragma once
// Loading observation sequences from files for fitting or decoding with an HMM (the command
// line's and the lab's import path). File formats: core/data/sequence_io.h.

#include <filesystem>
#include <string>
#include <vector>

#include "core/models/hmm/hmm_model.h"
#include "core/models/hmm/observations.h"

namespace genlab::hmm {

struct SequenceSet {
  std::vector<Observations> sequences;
  // Discrete: the symbol names when the files held tokens other than integer ids (empty when
  // they were ids), and the alphabet size M.
  std::vector<std::string> alphabet;
  Index symbols = 0;
};

// For fitting: discrete files share one alphabet (integer ids when every token in every file
// is one, else tokens numbered in order of first appearance across the files); Gaussian files
// must all have the same number of columns.
SequenceSet loadSequences(const std::vector<std::filesystem::path>& files, EmissionKind kind);

// For decoding: maps symbols through the model's alphabet (or requires ids in [0, M)), or
// requires d columns. Throws DataError "path:LINE: ..." on a mismatch.
Observations loadForModel(const std::filesystem::path& file, const HmmModel& model);

}  // namespace genlab::hmm
