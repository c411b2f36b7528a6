#include "core/models/gan/gan_settings.h"

#include <string>

#include "core/data/json_fields.h"
#include "core/util/errors.h"

namespace genlab::gan {

using data::joinKey;
using nlohmann::json;

std::string_view toString(GanLoss loss) {
  switch (loss) {
    case GanLoss::Minimax:
      return "minimax";
    case GanLoss::NonSaturating:
      return "non_saturating";
    case GanLoss::LeastSquares:
      return "least_squares";
    case GanLoss::WganGp:
      return "wgan_gp";
  }
  return "non_saturating";
}

std::string_view toString(GanOptimizer optimizer) {
  switch (optimizer) {
    case GanOptimizer::Adam:
      return "adam";
    case GanOptimizer::RmsProp:
      return "rmsprop";
    case GanOptimizer::Sgd:
      return "sgd";
  }
  return "adam";
}

std::string_view toString(ImageArchitecture architecture) {
  return architecture == ImageArchitecture::Mlp ? "mlp" : "dcgan";
}

GanLoss parseLoss(std::string_view name, std::string_view key) {
  for (auto loss :
       {GanLoss::Minimax, GanLoss::NonSaturating, GanLoss::LeastSquares, GanLoss::WganGp}) {
    if (name == toString(loss)) return loss;
  }
  throw ConfigError(std::string(key) + ": \"" + std::string(name) +
                    "\" is not one of \"minimax\", \"non_saturating\", \"least_squares\", "
                    "\"wgan_gp\"");
}

GanOptimizer parseOptimizer(std::string_view name, std::string_view key) {
  for (auto optimizer : {GanOptimizer::Adam, GanOptimizer::RmsProp, GanOptimizer::Sgd}) {
    if (name == toString(optimizer)) return optimizer;
  }
  throw ConfigError(std::string(key) + ": \"" + std::string(name) +
                    "\" is not one of \"adam\", \"rmsprop\", \"sgd\"");
}

ImageArchitecture parseArchitecture(std::string_view name, std::string_view key) {
  if (name == "mlp") return ImageArchitecture::Mlp;
  if (name == "dcgan") return ImageArchitecture::Dcgan;
  throw ConfigError(std::string(key) + ": \"" + std::string(name) +
                    "\" is not one of \"mlp\", \"dcgan\"");
}

GanSettings GanSettings::defaults(GanFlavour flavour) {
  GanSettings s;
  s.flavour = flavour;
  if (flavour == GanFlavour::Image) {
    s.noiseDim = 100;
    s.gpWeight = 10.0;
    s.lrG = 2e-4;
    s.lrD = 2e-4;
    s.batch = 64;
  }
  return s;
}

json GanSettings::toJson() const {
  json out = {{"noise_dim", noiseDim},
              {"loss", std::string(toString(loss))},
              {"gp_weight", gpWeight},
              {"d_steps", dSteps},
              {"optimizer", std::string(toString(optimizer))},
              {"lr_g", lrG},
              {"lr_d", lrD},
              {"beta1", beta1},
              {"beta2", beta2},
              {"batch", batch}};
  if (flavour == GanFlavour::Toy2d) {
    out["g_width"] = gWidth;
    out["g_depth"] = gDepth;
    out["d_width"] = dWidth;
    out["d_depth"] = dDepth;
  } else {
    out["architecture"] = std::string(toString(architecture));
  }
  return out;
}

GanSettings GanSettings::fromJson(const json& value, const GanSettings& base,
                                  std::string_view prefix) {
  const bool toy = base.flavour == GanFlavour::Toy2d;
  if (toy) {
    data::requireObjectWithKeys(
        value, prefix,
        {"g_width", "g_depth", "d_width", "d_depth", "noise_dim", "loss", "gp_weight", "d_steps",
         "optimizer", "lr_g", "lr_d", "beta1", "beta2", "batch"});
  } else {
    data::requireObjectWithKeys(value, prefix,
                                {"architecture", "noise_dim", "loss", "gp_weight", "d_steps",
                                 "optimizer", "lr_g", "lr_d", "beta1", "beta2", "batch"});
  }
  GanSettings s = base;
  const auto key = [&](std::string_view name) { return joinKey(prefix, name); };
  const auto readInt = [&](const char* name, int& field, int lo, int hi) {
    if (value.contains(name))
      field = static_cast<int>(data::readInt(value[name], key(name), lo, hi));
  };
  const auto readDouble = [&](const char* name, double& field, double lo, double hi) {
    if (value.contains(name)) field = data::readDouble(value[name], key(name), lo, hi);
  };
  readInt("g_width", s.gWidth, 1, 1024);
  readInt("g_depth", s.gDepth, 1, 8);
  readInt("d_width", s.dWidth, 1, 1024);
  readInt("d_depth", s.dDepth, 1, 8);
  readInt("noise_dim", s.noiseDim, 1, toy ? 2 : 256);
  readInt("d_steps", s.dSteps, 1, 100);
  readInt("batch", s.batch, 1, 8192);
  readDouble("gp_weight", s.gpWeight, 0.0, 1000.0);
  readDouble("lr_g", s.lrG, 1e-9, 1.0);
  readDouble("lr_d", s.lrD, 1e-9, 1.0);
  readDouble("beta1", s.beta1, 0.0, 0.9999);
  readDouble("beta2", s.beta2, 0.0, 0.9999);
  if (value.contains("loss")) {
    s.loss = parseLoss(data::readString(value["loss"], key("loss")), key("loss"));
  }
  if (value.contains("optimizer")) {
    s.optimizer =
        parseOptimizer(data::readString(value["optimizer"], key("optimizer")), key("optimizer"));
  }
  if (value.contains("architecture")) {
    s.architecture = parseArchitecture(data::readString(value["architecture"], key("architecture")),
                                       key("architecture"));
  }
  return s;
}

bool GanSettings::needsRebuild(const GanSettings& o) const {
  return gWidth != o.gWidth || gDepth != o.gDepth || dWidth != o.dWidth || dDepth != o.dDepth ||
         noiseDim != o.noiseDim || architecture != o.architecture;
}

bool GanSettings::needsNewOptimizers(const GanSettings& o) const {
  return optimizer != o.optimizer || lrG != o.lrG || lrD != o.lrD || beta1 != o.beta1 ||
         beta2 != o.beta2;
}

}  // namespace genlab::gan
