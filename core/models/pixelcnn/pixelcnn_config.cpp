#include "core/models/pixelcnn/pixelcnn_config.h"

#include "core/data/json_fields.h"
#include "core/util/errors.h"

namespace genlab::pixelcnn {

using data::joinKey;
using nlohmann::json;

std::string_view toString(Architecture value) {
  return value == Architecture::kPlain ? "plain" : "gated";
}

bool PixelCnnConfig::rebuildsNetwork(std::string_view key) {
  return key == "architecture" || key == "layers" || key == "channels" || key == "kernel";
}

json PixelCnnConfig::toJson() const {
  return {{"architecture", std::string(toString(architecture))},
          {"layers", layers},
          {"channels", channels},
          {"kernel", kernel},
          {"batch", batch},
          {"lr", lr},
          {"eval_every", evalEvery}};
}

PixelCnnConfig PixelCnnConfig::fromJson(const json& value, std::string_view prefix) {
  return fromJson(value, prefix, PixelCnnConfig{});
}

PixelCnnConfig PixelCnnConfig::fromJson(const json& value, std::string_view prefix,
                                        const PixelCnnConfig& base) {
  data::requireObjectWithKeys(
      value, prefix, {"architecture", "layers", "channels", "kernel", "batch", "lr", "eval_every"});
  PixelCnnConfig config = base;
  const auto key = [&](std::string_view name) { return joinKey(prefix, name); };
  if (value.contains("architecture")) {
    const std::string name = data::readString(value["architecture"], key("architecture"));
    if (name == "plain") {
      config.architecture = Architecture::kPlain;
    } else if (name == "gated") {
      config.architecture = Architecture::kGated;
    } else {
      throw ConfigError(key("architecture") + ": \"" + name +
                        "\" is not one of \"plain\", \"gated\"");
    }
  }
  if (value.contains("layers"))
    config.layers = static_cast<int>(data::readInt(value["layers"], key("layers"), 1, 30));
  if (value.contains("channels"))
    config.channels = static_cast<int>(data::readInt(value["channels"], key("channels"), 2, 256));
  if (value.contains("kernel")) {
    config.kernel = static_cast<int>(data::readInt(value["kernel"], key("kernel"), 3, 11));
    if (config.kernel % 2 == 0) {
      throw ConfigError(key("kernel") + ": " + std::to_string(config.kernel) +
                        " is even; a masked kernel needs a centre pixel (3, 5, 7, 9 or 11)");
    }
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
  return config;
}

}  // namespace genlab::pixelcnn
