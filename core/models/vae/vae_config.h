#pragma once
// Settings of a VAE lesson: typed, with defaults and ranges, and a strict JSON round trip in a
// lesson's "settings" format:
//
//   {"architecture": "mlp", "latent": 2, "hidden": 400, "likelihood": "bernoulli", "beta": 1,
//    "warmup_steps": 0, "batch": 128, "lr": 1e-3, "eval_every": 200, "tc_estimator": "full",
//    "load": "runs/x/checkpoints/step-100.json"}
//
// Every key is optional (missing keys keep their defaults); an unknown key, a wrong type or a
// value out of range throws genlab::ConfigError naming "settings.<key>".
//
// Live settings (VaeTrainer::setParam applies them at the next step): beta, warmup_steps, lr,
// eval_every, tc_estimator, batch. The others change the network and rebuild it.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace genlab::vae {

enum class Architecture { kMlp, kConv };
// Decoder likelihood p(x|z): Bernoulli (pixels as probabilities, binary cross-entropy), or a
// Gaussian with one learned variance shared by all pixels.
enum class Likelihood { kBernoulli, kGaussian };
// Estimator of q(z) for the beta-TCVAE decomposition of the KL (see vae_network.h). "full"
// (the default) scores every held-out code against every held-out posterior; "mws" is Chen et
// al.'s minibatch-weighted sampling, whose 1/(N M) weights shift MI by up to log N and TC by up
// to (D - 1) log N: measured on the shapes lesson, TC 69 nats against a KL of 12. It is kept
// for comparison with papers that report it.
enum class TcEstimator { kMinibatchWeighted, kFullSubset };

std::string_view toString(Architecture value);
std::string_view toString(Likelihood value);
std::string_view toString(TcEstimator value);

struct VaeConfig {
  static constexpr int kMinLatent = 2;
  static constexpr int kMaxLatent = 32;

  Architecture architecture = Architecture::kMlp;
  int latent = 2;    // [2, 32]
  int hidden = 400;  // MLP hidden width, [8, 4096]; the conv net's dense layer too
  Likelihood likelihood = Likelihood::kBernoulli;
  double beta = 1.0;             // weight of the KL term, [0, 1000]
  std::int64_t warmupSteps = 0;  // beta ramps linearly from 0 over this many steps, [0, 1e9]
  int batch = 128;               // [1, 65536]
  double lr = 1e-3;              // Adam learning rate, (0, 1]
  int evalEvery = 200;           // steps between held-out evaluations, [1, 1e9]
  TcEstimator tcEstimator = TcEstimator::kFullSubset;
  std::string load;  // a checkpoint to start from (empty: a fresh network)

  // The beta in force at step `step` (0-based count of steps done): beta * min(1, step/warmup).
  double effectiveBeta(std::int64_t step) const;

  // True when changing `key` needs a new network: architecture, latent, hidden, likelihood,
  // load. (batch, like beta, applies at the next step.)
  static bool rebuildsNetwork(std::string_view key);

  nlohmann::json toJson() const;  // all keys ("load" only when set)
  static VaeConfig fromJson(const nlohmann::json& json, std::string_view prefix = "settings");
  static VaeConfig fromJson(const nlohmann::json& json, std::string_view prefix,
                            const VaeConfig& base);
};

}  // namespace genlab::vae
