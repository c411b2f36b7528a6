#include "core/models/dbm/dbm_config.h"

#include "core/data/json_fields.h"

namespace genlab::dbm {

using data::joinKey;
using nlohmann::json;

rbm::LearningSettings DbmConfig::pretraining() const {
  return {.cdSteps = 1,
          .persistent = true,
          .learningRate = pretrainLearningRate,
          .momentum = learning.momentum,
          .weightDecay = learning.weightDecay};
}

json DbmConfig::toJson() const {
  return {{"hidden1", hidden1},
          {"hidden2", hidden2},
          {"pretrain_epochs", pretrainEpochs},
          {"pretrain_lr", pretrainLearningRate},
          {"k", learning.cdSteps},
          {"lr", learning.learningRate},
          {"momentum", learning.momentum},
          {"weight_decay", learning.weightDecay},
          {"batch", batch},
          {"init_stddev", initStddev},
          {"chains", chains},
          {"mean_field_iterations", meanFieldIterations},
          {"eval_every", evalEvery},
          {"ais_runs", aisRuns},
          {"ais_betas", aisBetas}};
}

DbmConfig DbmConfig::fromJson(const json& value, std::string_view prefix) {
  return fromJson(value, prefix, DbmConfig{});
}

DbmConfig DbmConfig::fromJson(const json& value, std::string_view prefix, const DbmConfig& base) {
  data::requireObjectWithKeys(value, prefix,
                              {"hidden1", "hidden2", "pretrain_epochs", "pretrain_lr", "k", "lr",
                               "momentum", "weight_decay", "batch", "init_stddev", "chains",
                               "mean_field_iterations", "eval_every", "ais_runs", "ais_betas"});
  DbmConfig config = base;
  const auto key = [&](std::string_view name) { return joinKey(prefix, name); };
  const auto integer = [&](const char* name, int& target, long long lo, long long hi) {
    if (value.contains(name))
      target = static_cast<int>(data::readInt(value[name], key(name), lo, hi));
  };
  const auto real = [&](const char* name, double& target, double lo, double hi) {
    if (value.contains(name)) target = data::readDouble(value[name], key(name), lo, hi);
  };
  integer("hidden1", config.hidden1, 1, 4096);
  integer("hidden2", config.hidden2, 1, 4096);
  integer("pretrain_epochs", config.pretrainEpochs, 0, 100000);
  real("pretrain_lr", config.pretrainLearningRate, 0.0, 100.0);
  integer("k", config.learning.cdSteps, 1, 1000);
  real("lr", config.learning.learningRate, 0.0, 100.0);
  real("momentum", config.learning.momentum, 0.0, 0.999);
  real("weight_decay", config.learning.weightDecay, 0.0, 1.0);
  integer("batch", config.batch, 1, 100000);
  real("init_stddev", config.initStddev, 0.0, 10.0);
  integer("chains", config.chains, 1, 256);
  integer("mean_field_iterations", config.meanFieldIterations, 0, 1000);
  integer("eval_every", config.evalEvery, 1, 1'000'000'000);
  integer("ais_runs", config.aisRuns, 2, 100000);
  integer("ais_betas", config.aisBetas, 1, 10'000'000);
  return config;
}

}  // namespace genlab::dbm
