#pragma once
// Settings of a DBM lesson, in a lesson's "settings" format (strict JSON round trip, every key
// optional, errors name "settings.<key>"):
//
//   {"hidden1": 20, "hidden2": 10, "pretrain_epochs": 10, "pretrain_lr": 0.05, "k": 1,
//    "lr": 0.01, "momentum": 0.5, "weight_decay": 0, "batch": 20, "init_stddev": 0.01,
//    "chains": 16, "mean_field_iterations": 10, "eval_every": 75, "ais_runs": 100,
//    "ais_betas": 2000}
//
// One training step is one minibatch: pretrain_epochs epochs of RBM 1 (PCD-1, pretrain_lr),
// then as many of RBM 2, then joint training (mean field for the data, `batch` persistent
// chains with k sweeps per update for the model). Every eval_every steps the trainer scores the
// held-out images (exact when min(hidden1, 64 + hidden2) <= 20 and min(hidden1, hidden2) <= 20,
// else AIS and/or the mean-field bound, labelled).

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/models/rbm/rbm_learning.h"

namespace genlab::dbm {

struct DbmConfig {
  int hidden1 = 20;
  int hidden2 = 10;
  int pretrainEpochs = 10;
  double pretrainLearningRate = 0.05;
  rbm::LearningSettings learning{
      .cdSteps = 1, .persistent = true, .learningRate = 0.01, .momentum = 0.5, .weightDecay = 0.0};
  int batch = 20;
  double initStddev = 0.01;
  int chains = 16;  // dreaming chains shown by the lab: one sweep per step
  int meanFieldIterations = 10;
  int evalEvery = 75;
  int aisRuns = 100;
  int aisBetas = 2000;

  // The learning settings of the greedy RBMs: PCD-1 at pretrain_lr, the same momentum.
  rbm::LearningSettings pretraining() const;

  nlohmann::json toJson() const;
  // Starts from `base`, overrides the keys present; throws ConfigError naming prefix.key.
  static DbmConfig fromJson(const nlohmann::json& json, std::string_view prefix,
                            const DbmConfig& base);
  static DbmConfig fromJson(const nlohmann::json& json, std::string_view prefix = "settings");
};

}  // namespace genlab::dbm
