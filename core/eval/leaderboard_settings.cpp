#include "core/eval/leaderboard_settings.h"

#include <algorithm>

#include "core/data/json_fields.h"
#include "core/util/errors.h"

namespace genlab::eval {

using nlohmann::json;

LeaderboardOptions leaderboardOptionsFromJson(const json& settings, LeaderboardOptions base) {
  data::requireObjectWithKeys(settings, "settings",
                              {"models", "components", "vae_steps", "vae_latent", "vae_hidden",
                               "iw_samples", "pixelcnn_steps", "rbm_hidden", "samples"});
  LeaderboardOptions options = std::move(base);
  const auto integer = [&](const char* name, int& target, long long lo, long long hi) {
    if (settings.contains(name))
      target =
          static_cast<int>(data::readInt(settings[name], data::joinKey("settings", name), lo, hi));
  };
  integer("components", options.mixtureComponents, 1, 1000);
  integer("vae_steps", options.vaeSteps, 1, 10'000'000);
  integer("vae_latent", options.vaeLatent, 1, 1024);
  integer("vae_hidden", options.vaeHidden, 1, 65536);
  integer("iw_samples", options.importanceSamples, 1, 100'000);
  integer("pixelcnn_steps", options.pixelCnnSteps, 1, 10'000'000);
  integer("rbm_hidden", options.rbmHidden, 1, 4096);
  integer("samples", options.samples, 0, 64);
  if (settings.contains("models")) {
    const json& models = settings["models"];
    if (!models.is_array() || models.empty())
      throw ConfigError("settings.models: expected a non-empty array of model names");
    const std::vector<std::string> known = leaderboardModels();
    options.models.clear();
    for (std::size_t i = 0; i < models.size(); ++i) {
      const std::string key = "settings.models[" + std::to_string(i) + "]";
      const std::string name = data::readString(models[i], key);
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        std::string list;
        for (const auto& model : known) list += (list.empty() ? "" : ", ") + model;
        throw ConfigError(key + ": unknown model \"" + name + "\" (known: " + list + ")");
      }
      if (std::find(options.models.begin(), options.models.end(), name) != options.models.end())
        throw ConfigError(key + ": \"" + name + "\" is named twice");
      options.models.push_back(name);
    }
  }
  return options;
}

json leaderboardSettingsJson(const LeaderboardOptions& options) {
  json out = {{"components", options.mixtureComponents}, {"vae_steps", options.vaeSteps},
              {"vae_latent", options.vaeLatent},         {"vae_hidden", options.vaeHidden},
              {"iw_samples", options.importanceSamples}, {"pixelcnn_steps", options.pixelCnnSteps},
              {"rbm_hidden", options.rbmHidden},         {"samples", options.samples}};
  if (!options.models.empty()) out["models"] = options.models;
  return out;
}

}  // namespace genlab::eval
