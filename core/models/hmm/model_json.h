#pragma once
// The model JSON both `genlab fit hmm` and `genlab decode hmm` read and write:
//   {"emission": "discrete", "start": [K], "transition": [K][K], "emission_probs": [K][M],
//    "alphabet": [M strings] (optional)}
//   {"emission": "gaussian", "start": [K], "transition": [K][K], "means": [K][d],
//    "variances": [K][d]}
// Reading is strict: an unknown key, a missing key, a wrong shape or type, a negative or
// non-finite probability, a row not summing to 1 within 1e-6 all throw ConfigError naming the
// key and row ("model.transition[1]: sums to 0.9, not 1 (tolerance 1e-06)"). The keys
// `log_likelihood`, `n_iter` and `converged` (written by `fit --json`) and `checkpoint` (the
// training state a run's checkpoint adds, see HmmTrainer) are accepted and ignored, so a
// checkpoint is also a model file `genlab decode hmm --model` reads.

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/models/hmm/hmm_model.h"

namespace genlab::hmm {

nlohmann::json modelToJson(const HmmModel& model);

// `prefix` names the object in messages: "model" gives "model.start: ...".
HmmModel modelFromJson(const nlohmann::json& json, const std::string& prefix = "model");

// Throws DataError "path: ..." when the file cannot be read or is not JSON, ConfigError
// "path: model.<key>: ..." when the content is wrong.
HmmModel readModelFile(const std::filesystem::path& path);
void writeModelFile(const HmmModel& model, const std::filesystem::path& path);

}  // namespace genlab::hmm
