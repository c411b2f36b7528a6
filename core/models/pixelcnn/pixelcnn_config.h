#pragma once
// Settings of a PixelCNN lesson: typed, with defaults and ranges, and a strict JSON round trip in
// a lesson's "settings" format:
//
//   {"architecture": "gated", "layers": 7, "channels": 32, "kernel": 5, "batch": 64,
//    "lr": 1e-3, "eval_every": 100}
//
// Every key is optional (missing keys keep their defaults); an unknown key, a wrong type or a
// value out of range throws genlab::ConfigError naming "settings.<key>". The network keys
// (architecture, layers, channels, kernel) rebuild the network when changed live; batch, lr and
// eval_every apply at the next step.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace genlab::pixelcnn {

// plain: van den Oord et al. 2016a's masked convolutions (a k x k mask-A layer, then 3x3 mask-B
// layers); its receptive field has a blind spot up and to the right of each pixel.
// gated: the gated PixelCNN of van den Oord et al. 2016b, a vertical stack (rows above) and a
// horizontal stack (the row so far) joined by 1x1 links; no blind spot.
enum class Architecture { kPlain, kGated };

std::string_view toString(Architecture value);

struct PixelCnnConfig {
  Architecture architecture = Architecture::kGated;
  int layers = 7;       // masked layers, the first (mask A) included, [1, 30]
  int channels = 32;    // feature maps per layer, [2, 256]
  int kernel = 5;       // the first layer's kernel (odd, [3, 11]); later layers are 3 wide
  int batch = 64;       // [1, 65536]
  double lr = 1e-3;     // Adam, (0, 1]
  int evalEvery = 100;  // steps between held-out NLL evaluations, [1, 1e9]

  // True when changing `key` needs a new network.
  static bool rebuildsNetwork(std::string_view key);

  nlohmann::json toJson() const;
  static PixelCnnConfig fromJson(const nlohmann::json& json, std::string_view prefix = "settings");
  static PixelCnnConfig fromJson(const nlohmann::json& json, std::string_view prefix,
                                 const PixelCnnConfig& base);
};

}  // namespace genlab::pixelcnn
