#pragma once
// The "settings" object of an HMM lesson or run:
//   {"states": K, "emission": "discrete"|"gaussian", "symbols": M, "init": "random"|"given",
//    "model": {model JSON}, "tol": 1e-6, "max_iter": 200}
// Every key is optional except that init "given" needs "model". Parsing is strict: an unknown
// key, a wrong type or a value out of range throws ConfigError "settings.<key>: ...".

#include <nlohmann/json.hpp>
#include <optional>

#include "core/models/hmm/hmm_model.h"

namespace genlab::hmm {

struct HmmSettings {
  enum class Init { Random, Given };

  Index states = 2;  // [1, 256]
  EmissionKind emission = EmissionKind::Discrete;
  Index symbols = 0;  // discrete alphabet size; 0: from the data
  Init init = Init::Random;
  std::optional<HmmModel> model;  // the starting model when init is Given
  double tol = 1e-6;   // stop when the per-observation log-likelihood gains less than this
  long maxIter = 200;  // [1, 1e6]
};

HmmSettings settingsFromJson(const nlohmann::json& json);
nlohmann::json settingsToJson(const HmmSettings& settings);

// Parses the value of one key (used by setParam); throws ConfigError naming the key.
double tolFromJson(const nlohmann::json& value);
long maxIterFromJson(const nlohmann::json& value);

}  // namespace genlab::hmm
