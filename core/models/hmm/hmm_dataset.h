#pragma once
// The "dataset" object of an HMM lesson: where its observation sequences come from.
//
//   {"kind": "sample", "model": {model JSON, model_json.h}, "length": 300, "sequences": 1,
//    "state_names": ["Fair", "Loaded"]}
//       draws `sequences` sequences of `length` steps from a known model, keeping the hidden
//       paths, so the lab can outline the true path and show where decoding errs.
//       length in [1, 10000000] (default 200), sequences in [1, 1000] (default 1).
//   {"kind": "file", "paths": ["rolls.txt", ...], "emission": "discrete"|"gaussian",
//    "state_names": [...]}
//       reads sequences from files (core/data/sequence_io.h formats; "path": "x.txt" is
//       accepted for one file). Relative paths are relative to the lesson's folder. "emission"
//       defaults to the settings' emission. No true path is known.
//
// "state_names" (optional, K strings) is for the lab only: row labels of the trellis and the
// state diagram. Parsing is strict: an unknown key, a wrong type or a value out of range
// throws ConfigError "dataset.<key>: ...".

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/models/hmm/hmm_model.h"
#include "core/models/hmm/observations.h"
#include "core/util/rng.h"

namespace genlab::hmm {

struct HmmDataset {
  std::vector<Observations> sequences;
  std::vector<std::vector<int>> truePaths;  // one per sequence, or empty when unknown
  std::optional<HmmModel> source;           // the generating model ("sample" only)
  EmissionKind emission = EmissionKind::Discrete;
  Index symbols = 0;                    // discrete: alphabet size M (0: unknown)
  std::vector<std::string> alphabet;    // discrete symbol names, or empty for plain ids
  std::vector<std::string> stateNames;  // as given, or empty
};

// `fallback` is the emission kind used by a "file" dataset without "emission".
HmmDataset makeHmmDataset(const nlohmann::json& spec, Rng& rng,
                          const std::filesystem::path& baseDir = {},
                          EmissionKind fallback = EmissionKind::Discrete);

// The display labels of a dataset spec without reading files or sampling, for the lab: state
// names, and the alphabet of a "sample" model. Lenient: missing or malformed parts give empty
// lists (makeHmmDataset is the place that reports them).
struct HmmDatasetLabels {
  std::vector<std::string> stateNames;
  std::vector<std::string> alphabet;
};
HmmDatasetLabels datasetLabels(const nlohmann::json& spec);

}  // namespace genlab::hmm
