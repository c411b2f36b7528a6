#include "core/models/nb/nb_settings.h"

#include <string>

#include "core/data/json_fields.h"
#include "core/util/errors.h"

namespace genlab::nb {

using nlohmann::json;

NbSettings NbSettings::fromJson(const json& in, bool images) {
  data::requireObjectWithKeys(
      in, "settings",
      {"kind", "var_smoothing", "alpha", "binarize", "fit_prior", "batch", "samples"});
  NbSettings s;
  s.config.kind = images ? NbKind::Bernoulli : NbKind::Gaussian;
  if (in.contains("kind")) {
    s.config.kind = parseNbKind(data::readString(in["kind"], "settings.kind"), "settings.kind");
  }
  if (!images && s.config.kind != NbKind::Gaussian) {
    throw ConfigError(
        "settings.kind: 2-D points take \"gaussian\" (their features are real "
        "numbers, not pixels or counts)");
  }
  if (in.contains("var_smoothing")) {
    s.config.varSmoothing =
        data::readDouble(in["var_smoothing"], "settings.var_smoothing", 0.0, 1e6);
  }
  if (in.contains("alpha"))
    s.config.alpha = data::readDouble(in["alpha"], "settings.alpha", 0.0, 1e6);
  if (in.contains("binarize")) {
    const json& b = in["binarize"];
    if (b.is_string() && b.get<std::string>() == "none") {
      s.config.binarize.reset();
    } else if (b.is_number()) {
      s.config.binarize = data::readDouble(b, "settings.binarize", -1e300, 1e300);
    } else {
      throw ConfigError("settings.binarize: expected a number or \"none\"");
    }
  }
  if (in.contains("fit_prior"))
    s.config.fitPrior = data::readBool(in["fit_prior"], "settings.fit_prior");
  if (in.contains("batch")) {
    s.batch = static_cast<int>(data::readInt(in["batch"], "settings.batch", 1, kMaxBatch));
  }
  if (in.contains("samples")) {
    s.samples = static_cast<int>(data::readInt(in["samples"], "settings.samples", 1, kMaxSamples));
  }
  return s;
}

json NbSettings::toJson() const {
  return {{"kind", std::string(toString(config.kind))},
          {"var_smoothing", config.varSmoothing},
          {"alpha", config.alpha},
          {"binarize", config.binarize ? json(*config.binarize) : json("none")},
          {"fit_prior", config.fitPrior},
          {"batch", batch},
          {"samples", samples}};
}

}  // namespace genlab::nb
