#include "core/models/rbm/rbm_config.h"

#include "core/data/json_fields.h"
#include "core/util/errors.h"

namespace genlab::rbm {

using data::joinKey;
using nlohmann::json;

json RbmConfig::toJson() const {
  return {{"hidden", hidden},
          {"method", learning.persistent ? "pcd" : "cd"},
          {"k", learning.cdSteps},
          {"lr", learning.learningRate},
          {"momentum", learning.momentum},
          {"weight_decay", learning.weightDecay},
          {"batch", batch},
          {"init_stddev", initStddev},
          {"chains", chains},
          {"eval_every", evalEvery},
          {"ais_runs", aisRuns},
          {"ais_betas", aisBetas}};
}

RbmConfig RbmConfig::fromJson(const json& value, std::string_view prefix) {
  return fromJson(value, prefix, RbmConfig{});
}

RbmConfig RbmConfig::fromJson(const json& value, std::string_view prefix, const RbmConfig& base) {
  data::requireObjectWithKeys(value, prefix,
                              {"hidden", "method", "k", "lr", "momentum", "weight_decay", "batch",
                               "init_stddev", "chains", "eval_every", "ais_runs", "ais_betas"});
  RbmConfig config = base;
  const auto key = [&](std::string_view name) { return joinKey(prefix, name); };
  const auto integer = [&](const char* name, int& target, long long lo, long long hi) {
    if (value.contains(name))
      target = static_cast<int>(data::readInt(value[name], key(name), lo, hi));
  };
  const auto real = [&](const char* name, double& target, double lo, double hi) {
    if (value.contains(name)) target = data::readDouble(value[name], key(name), lo, hi);
  };
  integer("hidden", config.hidden, 1, 4096);
  if (value.contains("method")) {
    const std::string method = data::readString(value["method"], key("method"));
    if (method != "cd" && method != "pcd") {
      throw ConfigError(key("method") + ": \"" + method + "\" is not one of \"cd\", \"pcd\"");
    }
    config.learning.persistent = method == "pcd";
  }
  integer("k", config.learning.cdSteps, 1, 1000);
  real("lr", config.learning.learningRate, 0.0, 100.0);
  real("momentum", config.learning.momentum, 0.0, 0.999);
  real("weight_decay", config.learning.weightDecay, 0.0, 1.0);
  integer("batch", config.batch, 1, 100000);
  real("init_stddev", config.initStddev, 0.0, 10.0);
  integer("chains", config.chains, 1, 256);
  integer("eval_every", config.evalEvery, 1, 1'000'000'000);
  integer("ais_runs", config.aisRuns, 2, 100000);
  integer("ais_betas", config.aisBetas, 1, 10'000'000);
  return config;
}

}  // namespace genlab::rbm
