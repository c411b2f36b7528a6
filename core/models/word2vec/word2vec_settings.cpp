#include "core/models/word2vec/word2vec_settings.h"

#include "core/data/json_fields.h"
#include "core/util/errors.h"

namespace genlab::word2vec {

Word2VecSettings settingsFromJson(const nlohmann::json& json) {
  data::requireObjectWithKeys(json, "settings",
                              {"architecture", "dim", "window", "negative", "min_count", "sample",
                               "epochs", "alpha", "min_alpha", "updates_per_step"});
  Word2VecSettings settings;
  Word2VecConfig& c = settings.config;
  if (json.contains("architecture")) {
    const std::string name = data::readString(json["architecture"], "settings.architecture");
    if (name == "skip-gram") {
      c.architecture = Architecture::SkipGram;
    } else if (name == "cbow") {
      c.architecture = Architecture::Cbow;
    } else {
      throw ConfigError("settings.architecture: \"" + name + "\" is not \"skip-gram\" or \"cbow\"");
    }
  }
  const auto integer = [&](const char* key, long long lo, long long hi, auto& field) {
    if (json.contains(key)) {
      field = static_cast<std::remove_reference_t<decltype(field)>>(
          data::readInt(json[key], std::string("settings.") + key, lo, hi));
    }
  };
  integer("dim", 1, Word2VecConfig::kMaxDim, c.dim);
  integer("window", 1, Word2VecConfig::kMaxWindow, c.window);
  integer("negative", 1, Word2VecConfig::kMaxNegative, c.negative);
  integer("min_count", 1, 1LL << 40, c.minCount);
  integer("epochs", 1, Word2VecConfig::kMaxEpochs, c.epochs);
  integer("updates_per_step", 1, Word2VecSettings::kMaxUpdatesPerStep, settings.updatesPerStep);
  if (json.contains("sample")) c.sample = data::readDouble(json["sample"], "settings.sample", 0, 1);
  if (json.contains("alpha"))
    c.alpha = data::readDouble(json["alpha"], "settings.alpha", 1e-9, 10.0);
  if (json.contains("min_alpha"))
    c.minAlpha = data::readDouble(json["min_alpha"], "settings.min_alpha", 0.0, c.alpha);
  else
    c.minAlpha = std::min(c.minAlpha, c.alpha);
  return settings;
}

nlohmann::json settingsToJson(const Word2VecSettings& settings) {
  const Word2VecConfig& c = settings.config;
  return {{"architecture", c.architecture == Architecture::SkipGram ? "skip-gram" : "cbow"},
          {"dim", c.dim},
          {"window", c.window},
          {"negative", c.negative},
          {"min_count", c.minCount},
          {"sample", c.sample},
          {"epochs", c.epochs},
          {"alpha", c.alpha},
          {"min_alpha", c.minAlpha},
          {"updates_per_step", settings.updatesPerStep}};
}

}  // namespace genlab::word2vec
