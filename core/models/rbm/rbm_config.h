#pragma once
// Settings of an RBM lesson, in a lesson's "settings" format (strict JSON round trip, every key
// optional, errors name "settings.<key>"):
//
//   {"hidden": 64, "method": "pcd", "k": 1, "lr": 0.05, "momentum": 0.5, "weight_decay": 1e-4,
//    "batch": 20, "init_stddev": 0.01, "chains": 16, "eval_every": 100,
//    "ais_runs": 100, "ais_betas": 2000}
//
// One training step is one minibatch. Every eval_every steps the trainer measures the held-out
// log-likelihood (exact when min(visible, hidden) <= 20, else AIS with ais_runs x ais_betas) and
// the pseudo-likelihood.

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/models/rbm/rbm_learning.h"

namespace genlab::rbm {

struct RbmConfig {
  int hidden = 64;
  LearningSettings learning{
      .cdSteps = 1, .persistent = true, .learningRate = 0.05, .momentum = 0.5, .weightDecay = 0.0};
  int batch = 20;
  double initStddev = 0.01;
  int chains = 16;  // dreaming chains shown by the lab: one Gibbs sweep per step
  int evalEvery = 100;
  int aisRuns = 100;
  int aisBetas = 2000;

  nlohmann::json toJson() const;
  // Starts from `base`, overrides the keys present; throws ConfigError naming prefix.key.
  static RbmConfig fromJson(const nlohmann::json& json, std::string_view prefix,
                            const RbmConfig& base);
  static RbmConfig fromJson(const nlohmann::json& json, std::string_view prefix = "settings");
};

}  // namespace genlab::rbm
