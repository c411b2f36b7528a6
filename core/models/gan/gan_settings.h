#pragma once
// Settings of the GAN lessons, typed, with defaults and ranges, and a strict JSON round trip in a
// lesson's "settings" format. Two flavours share one struct:
//
//   toy 2-D GAN ("gan2d"):
//     {"g_width": 128, "g_depth": 2, "d_width": 128, "d_depth": 2, "noise_dim": 2,
//      "loss": "non_saturating", "gp_weight": 0.1, "d_steps": 1, "optimizer": "adam",
//      "lr_g": 1e-3, "lr_d": 1e-3, "beta1": 0.5, "beta2": 0.999, "batch": 256}
//   image GAN ("gan_image"):
//     {"architecture": "dcgan", "noise_dim": 100, "loss": "non_saturating", "gp_weight": 10,
//      "d_steps": 1, "optimizer": "adam", "lr_g": 2e-4, "lr_d": 2e-4, "beta1": 0.5,
//      "beta2": 0.999, "batch": 64}
//
// Every key is optional; an unknown key (including a key of the other flavour), a value of the
// wrong type or out of range throws genlab::ConfigError starting with the key path, e.g.
// "settings.noise_dim: 3 is out of range [1, 2]".
//
// Losses (D's raw output is a logit for the first three, a critic value for wgan_gp):
//   minimax          D: -log D(x) - log(1 - D(G(z)))   G: log(1 - D(G(z)))  (saturates early)
//   non_saturating   D: as minimax                      G: -log D(G(z))
//   least_squares    D: (D(x) - 1)^2 + D(G(z))^2 (halved)  G: (D(G(z)) - 1)^2 (halved), raw D
//   wgan_gp          D: f(G(z)) - f(x) + gp_weight (|grad f(x^)| - 1)^2   G: -f(G(z))

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace genlab::gan {

enum class GanLoss { Minimax, NonSaturating, LeastSquares, WganGp };
enum class GanOptimizer { Adam, RmsProp, Sgd };
enum class GanFlavour { Toy2d, Image };
enum class ImageArchitecture { Mlp, Dcgan };

std::string_view toString(GanLoss loss);
std::string_view toString(GanOptimizer optimizer);
std::string_view toString(ImageArchitecture architecture);
GanLoss parseLoss(std::string_view name, std::string_view key);
GanOptimizer parseOptimizer(std::string_view name, std::string_view key);
ImageArchitecture parseArchitecture(std::string_view name, std::string_view key);

struct GanSettings {
  GanFlavour flavour = GanFlavour::Toy2d;

  // Toy networks: fully connected, `depth` hidden layers of `width` units.
  int gWidth = 128;  // [1, 1024]
  int gDepth = 2;    // [1, 8]
  int dWidth = 128;
  int dDepth = 2;
  // Image networks.
  ImageArchitecture architecture = ImageArchitecture::Dcgan;

  int noiseDim = 2;  // toy: 1 or 2; image: [1, 256]
  GanLoss loss = GanLoss::NonSaturating;
  double gpWeight = 0.1;  // gradient-penalty weight for wgan_gp, [0, 1000]
  int dSteps = 1;         // k discriminator updates before each generator update, [1, 100]
  GanOptimizer optimizer = GanOptimizer::Adam;
  double lrG = 1e-3;  // (0, 1]
  double lrD = 1e-3;
  double beta1 = 0.5;    // Adam's beta1 (also RMSprop's momentum, SGD's momentum), [0, 1)
  double beta2 = 0.999;  // Adam's beta2 (RMSprop's alpha), [0, 1)
  int batch = 256;       // [1, 8192]

  // Defaults for each flavour (the image defaults are pytorch/examples' DCGAN).
  static GanSettings defaults(GanFlavour flavour);

  // All keys of the flavour, always.
  nlohmann::json toJson() const;

  // Starts from `base`, overrides the keys present (only keys of base.flavour are allowed).
  static GanSettings fromJson(const nlohmann::json& json, const GanSettings& base,
                              std::string_view prefix = "settings");

  // True when going from *this to `other` needs new networks (sizes or architecture changed).
  bool needsRebuild(const GanSettings& other) const;
  // True when the optimisers must be rebuilt (kind, learning rates or betas changed).
  bool needsNewOptimizers(const GanSettings& other) const;
};

}  // namespace genlab::gan
