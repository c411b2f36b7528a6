#include "core/models/vae/vae_config.h"

#include <algorithm>
#include <string>

#include "core/data/json_fields.h"
#include "core/util/errors.h"

namespace genlab::vae {

using data::joinKey;
using nlohmann::json;

std::string_view toString(Architecture value) {
  return value == Architecture::kConv ? "conv" : "mlp";
}
std::string_view toString(Likelihood value) {
  return value == Likelihood::kGaussian ? "gaussian" : "bernoulli";
}
std::string_view toString(TcEstimator value) {
  return value == TcEstimator::kFullSubset ? "full" : "mws";
}

namespace {

template <class Enum>
Enum parseChoice(const json& value, const std::string& key, std::initializer_list<Enum> choices) {
  const std::string name = data::readString(value, key);
  std::string known;
  for (Enum choice : choices) {
    if (name == toString(choice)) return choice;
    known += (known.empty() ? "\"" : ", \"") + std::string(toString(choice)) + "\"";
  }
  throw ConfigError(key + ": \"" + name + "\" is not one of " + known);
}

}  // namespace

double VaeConfig::effectiveBeta(std::int64_t step) const {
  if (warmupSteps <= 0) return beta;
  return beta * std::min(1.0, static_cast<double>(step) / static_cast<double>(warmupSteps));
}

bool VaeConfig::rebuildsNetwork(std::string_view key) {
  return key == "architecture" || key == "latent" || key == "hidden" || key == "likelihood" ||
         key == "load";
}

json VaeConfig::toJson() const {
  json out = {{"architecture", std::string(toString(architecture))},
              {"latent", latent},
              {"hidden", hidden},
              {"likelihood", std::string(toString(likelihood))},
              {"beta", beta},
              {"warmup_steps", warmupSteps},
              {"batch", batch},
              {"lr", lr},
              {"eval_every", evalEvery},
              {"tc_estimator", std::string(toString(tcEstimator))}};
  if (!load.empty()) out["load"] = load;
  return out;
}

VaeConfig VaeConfig::fromJson(const json& value, std::string_view prefix) {
  return fromJson(value, prefix, VaeConfig{});
}

VaeConfig VaeConfig::fromJson(const json& value, std::string_view prefix, const VaeConfig& base) {
  data::requireObjectWithKeys(
      value, prefix,
      {"architecture", "latent", "hidden", "likelihood", "beta", "warmup_steps", "batch", "lr",
       "eval_every", "tc_estimator", "load"});
  VaeConfig config = base;
  const auto key = [&](std::string_view name) { return joinKey(prefix, name); };
  if (value.contains("architecture")) {
    config.architecture = parseChoice(value["architecture"], key("architecture"),
                                      {Architecture::kMlp, Architecture::kConv});
  }
  if (value.contains("latent")) {
    config.latent =
        static_cast<int>(data::readInt(value["latent"], key("latent"), kMinLatent, kMaxLatent));
  }
  if (value.contains("hidden"))
    config.hidden = static_cast<int>(data::readInt(value["hidden"], key("hidden"), 8, 4096));
  if (value.contains("likelihood")) {
    config.likelihood = parseChoice(value["likelihood"], key("likelihood"),
                                    {Likelihood::kBernoulli, Likelihood::kGaussian});
  }
  if (value.contains("beta")) config.beta = data::readDouble(value["beta"], key("beta"), 0, 1000);
  if (value.contains("warmup_steps")) {
    config.warmupSteps =
        data::readInt(value["warmup_steps"], key("warmup_steps"), 0, 1'000'000'000);
  }
  if (value.contains("batch"))
    config.batch = static_cast<int>(data::readInt(value["batch"], key("batch"), 1, 65536));
  if (value.contains("lr")) {
    config.lr = data::readDouble(value["lr"], key("lr"), 0, 1);
    if (!(config.lr > 0)) throw ConfigError(key("lr") + ": must be greater than 0");
  }
  if (value.contains("eval_every")) {
    config.evalEvery =
        static_cast<int>(data::readInt(value["eval_every"], key("eval_every"), 1, 1'000'000'000));
  }
  if (value.contains("tc_estimator")) {
    config.tcEstimator = parseChoice(value["tc_estimator"], key("tc_estimator"),
                                     {TcEstimator::kMinibatchWeighted, TcEstimator::kFullSubset});
  }
  if (value.contains("load")) config.load = data::readString(value["load"], key("load"));
  return config;
}

}  // namespace genlab::vae
