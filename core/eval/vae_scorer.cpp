// The VAE's entries on the likelihood leaderboard: trained here on the leaderboard's split
// (an MLP with a Bernoulli decoder), scored by its ELBO and its importance-weighted bound.
// Both are lower bounds on log p(x), so their NLL figures are upper bounds on the true NLL.

#include <chrono>
#include <numeric>

#include "core/eval/likelihood_leaderboard.h"
#include "core/models/vae/vae_trainer.h"
#include "core/platform/threading.h"
#include "core/util/rng.h"

namespace genlab::eval {

std::vector<LeaderboardEntry> scoreVae(const data::ImageSplit& split,
                                       const LeaderboardOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  vae::VaeConfig config;
  config.architecture = vae::Architecture::kMlp;
  config.latent = options.vaeLatent;
  config.hidden = options.vaeHidden;
  config.likelihood = vae::Likelihood::kBernoulli;
  config.batch = 128;
  config.lr = 1e-3;
  config.evalEvery = std::max(1, options.vaeSteps);
  vae::VaeTrainer trainer(config, split, options.seed);
  trainer.setThreads(platform::currentThreadSettings().intraOpThreads);
  std::vector<double> metrics(trainer.metricNames().size());
  for (int step = 0; step < options.vaeSteps; ++step) {
    throwIfStopped(options);
    trainer.step(metrics, {});
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const std::string what = "VAE (MLP " + std::to_string(config.hidden) + ", latent " +
                           std::to_string(config.latent) + ", " + std::to_string(options.vaeSteps) +
                           " steps of batch 128)";
  LeaderboardEntry elbo;
  elbo.model = "vae_elbo";
  elbo.description = what + ": ELBO";
  elbo.kind = FigureKind::kBound;
  elbo.trainSeconds = seconds;
  elbo.nats = -trainer.elboOf(split.test, options.seed + 1);
  elbo.note = "one z per image, the KL in closed form";

  const int k = options.importanceSamples;
  const auto bounds = trainer.importanceWeightedBounds(split.test, k, options.seed + 2);
  LeaderboardEntry weighted;
  weighted.model = "vae_iw" + std::to_string(k);
  weighted.description = what + ": importance-weighted, K = " + std::to_string(k);
  weighted.kind = FigureKind::kBound;
  weighted.trainSeconds = seconds;
  weighted.nats =
      -std::accumulate(bounds.begin(), bounds.end(), 0.0) / static_cast<double>(bounds.size());
  weighted.note = "Burda et al. (2016): tighter than the ELBO, still a bound";
  // The decoder's mean image of z ~ N(0, I), on the first of the two entries only.
  Rng rng(options.seed + 3);
  for (int i = 0; i < options.samples; ++i) {
    std::vector<float> z(static_cast<std::size_t>(config.latent));
    for (float& value : z) value = static_cast<float>(rng.normal());
    const std::vector<float> image = trainer.decode(z);
    elbo.samples.insert(elbo.samples.end(), image.begin(), image.end());
  }
  return {elbo, weighted};
}

}  // namespace genlab::eval
