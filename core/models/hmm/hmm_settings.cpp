#include "core/models/hmm/hmm_settings.h"

#include <set>

#include "core/models/hmm/model_json.h"
#include "core/util/errors.h"

namespace genlab::hmm {

using nlohmann::json;

namespace {

[[noreturn]] void failSetting(const std::string& key, const std::string& what) {
  throw ConfigError("settings." + key + ": " + what);
}

long integerInRange(const json& value, const std::string& key, long lo, long hi) {
  if (!value.is_number_integer()) failSetting(key, "must be an integer");
  const long v = value.get<long>();
  if (v < lo || v > hi)
    failSetting(key, std::to_string(v) + " is out of range [" + std::to_string(lo) + ", " +
                         std::to_string(hi) + "]");
  return v;
}

}  // namespace

double tolFromJson(const json& value) {
  if (!value.is_number()) failSetting("tol", "must be a number");
  const double tol = value.get<double>();
  if (!(tol >= 0.0 && tol <= 1.0))
    failSetting("tol", std::to_string(tol) + " is out of range [0, 1]");
  return tol;
}

long maxIterFromJson(const json& value) {
  return integerInRange(value, "max_iter", 1, 1'000'000);
}

HmmSettings settingsFromJson(const json& j) {
  if (!j.is_object()) throw ConfigError("settings: must be a JSON object");
  static const std::set<std::string> known = {"states", "emission", "symbols", "init",
                                              "model",  "tol",      "max_iter"};
  for (const auto& [name, value] : j.items())
    if (!known.contains(name)) failSetting(name, "unknown key for an HMM");

  HmmSettings s;
  if (j.contains("states")) s.states = integerInRange(j.at("states"), "states", 1, 256);
  if (j.contains("emission")) {
    const json& e = j.at("emission");
    if (e != "discrete" && e != "gaussian")
      failSetting("emission", "must be \"discrete\" or \"gaussian\"");
    s.emission = e == "discrete" ? EmissionKind::Discrete : EmissionKind::Gaussian;
  }
  if (j.contains("symbols")) {
    if (s.emission != EmissionKind::Discrete)
      failSetting("symbols", "applies to discrete emissions only");
    s.symbols = integerInRange(j.at("symbols"), "symbols", 1, 1'000'000);
  }
  if (j.contains("init")) {
    const json& i = j.at("init");
    if (i != "random" && i != "given") failSetting("init", "must be \"random\" or \"given\"");
    s.init = i == "random" ? HmmSettings::Init::Random : HmmSettings::Init::Given;
  }
  if (j.contains("model")) {
    s.model = modelFromJson(j.at("model"), "settings.model");
    const HmmModel& m = *s.model;
    if (m.emission != s.emission)
      failSetting("model", std::string("has ") + emissionName(m.emission) + " emissions but " +
                               "settings.emission is " + emissionName(s.emission));
    if (j.contains("states") && m.states() != s.states)
      failSetting("model", "has " + std::to_string(m.states()) + " states but settings.states is " +
                               std::to_string(s.states));
    s.states = m.states();
    if (m.isDiscrete()) {
      if (j.contains("symbols") && m.symbols() != s.symbols)
        failSetting("model", "has " + std::to_string(m.symbols()) +
                                 " symbols but settings.symbols is " + std::to_string(s.symbols));
      s.symbols = m.symbols();
    }
  }
  if (s.init == HmmSettings::Init::Given && !s.model)
    failSetting("init", "\"given\" needs a settings.model object");
  if (j.contains("tol")) s.tol = tolFromJson(j.at("tol"));
  if (j.contains("max_iter")) s.maxIter = maxIterFromJson(j.at("max_iter"));
  return s;
}

json settingsToJson(const HmmSettings& s) {
  json j;
  j["states"] = s.states;
  j["emission"] = emissionName(s.emission);
  if (s.emission == EmissionKind::Discrete && s.symbols > 0) j["symbols"] = s.symbols;
  j["init"] = s.init == HmmSettings::Init::Random ? "random" : "given";
  if (s.model) j["model"] = modelToJson(*s.model);
  j["tol"] = s.tol;
  j["max_iter"] = s.maxIter;
  return j;
}

}  // namespace genlab::hmm
