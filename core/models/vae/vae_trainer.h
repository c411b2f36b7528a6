#pragma once
// The VAE as a training-session Trainer (core/train/trainer.h): one step() is one minibatch of
// Adam on the beta-weighted negative ELBO. Like every Trainer it is used by one thread only;
// the extra methods below are for the lab, called from the trainer thread in closures posted
// to the session. Torch stays behind the pimpl: this header is cheap to include.
//
// Metrics of every step, per image, in nats (metricNames() order):
//   elbo            -(reconstruction + kl) of the training batch
//   reconstruction  -log p(x|z), one z per image
//   kl              KL(q(z|x) || N(0, I)), summed over latent dimensions
//   beta_kl         beta_effective * kl
//   loss            reconstruction + beta_kl (what Adam minimises)
//   beta            beta in force (the warm-up ramps it from 0)
//   test_elbo, mi, tc, dim_kl, mig
//                   the latest held-out evaluation (test ELBO; the beta-TCVAE decomposition
//                   of the KL; the mutual-information gap when the data has known factors,
//                   else 0), repeated every step until the next evaluation. Evaluations
//                   happen at steps 1, 2, 4, ..., 128 (those below eval_every), then every
//                   eval_every steps, so these are never NaN.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stop_token>
#include <vector>

#include "core/data/image_set.h"
#include "core/models/vae/vae_config.h"
#include "core/models/vae/vae_snapshot.h"
#include "core/train/trainer.h"

namespace genlab::vae {

class VaeTrainer final : public train::Trainer {
 public:
  // Images at most this many from the test split are shown and evaluated on.
  static constexpr int kHeldOutMax = 2000;
  // The KL decomposition uses the first this many of them: the full estimator is O(N^2 D).
  static constexpr int kDecompositionMax = 1000;
  static constexpr int kTraversalColumns = 13;  // -3, -2.5, ..., +3
  static constexpr int kPairCount = 8;

  // Throws ConfigError for bad settings (or conv on a size it cannot take), DataError for an
  // empty split or a checkpoint that cannot be read ("load").
  VaeTrainer(const VaeConfig& config, data::ImageSplit data, std::uint64_t seed);
  ~VaeTrainer() override;

  std::string modelName() const override { return "vae"; }
  std::vector<std::string> metricNames() const override;
  train::StepOutcome step(std::span<double> metrics, std::stop_token stop) override;
  // Rebuilds the heavy parts (encodings, traversal) only when they are due: at most every
  // ~0.25 s (longer when they are slow to build), so the trainer spends most of its time
  // training however often the session asks. refreshVisuals() makes the next one fresh.
  train::SnapshotPtr snapshot() const override;
  // Live (next step): beta, warmup_steps, lr, eval_every, tc_estimator, batch. architecture,
  // latent, hidden, likelihood and load build a new network; the step count goes on, the
  // warm-up starts again (a loaded network goes on from its checkpoint's step).
  void setParam(const std::string& key, const nlohmann::json& value) override;
  nlohmann::json settings() const override;
  // One torch archive with the whole training state (see the .cpp): the network, Adam's state,
  // both random streams, the data order and cursor, the counters, the last evaluation and the
  // settings. settings.load reads its network and Adam's state (and those of the older
  // archives that held only these, the settings and the step).
  void saveCheckpoint(const std::filesystem::path& file) const override;
  // The settings come from the checkpoint (a run's setParam calls are in it); the images must
  // be the trainer's own: a checkpoint for other sizes or counts is a DataError.
  void loadCheckpoint(const std::filesystem::path& file) override;
  std::string checkpointExtension() const override { return ".pt"; }
  std::int64_t stepsDone() const override;

  // LibTorch intra-op threads (process-wide in LibTorch; 0 leaves the setting alone).
  void setThreads(int threads);

  // --- For the lab (trainer thread only) ---------------------------------------------------

  // Evaluates on the held-out set now (test ELBO, KL decomposition, MIG) and refreshes views.
  void evaluateNow();
  // Makes the next snapshot() rebuild the encodings and traversal.
  void refreshVisuals();
  // Traversal around held-out image `index` (clamped to the subset).
  void setTraversalBase(int index);
  // Decoded mean image of latent `z` (latent values); `z` shorter than the latent is padded
  // with zeros. height*width floats.
  std::vector<float> decode(const std::vector<float>& z);
  // `steps` images from held-out image a to b, decoding points between their posterior means:
  // straight line, or spherical interpolation (slerp), which keeps the norm a Gaussian latent
  // expects. steps*height*width floats.
  std::vector<float> interpolate(int a, int b, int steps, bool spherical);
  // Posterior mean of held-out image `index`.
  std::vector<float> encodeHeldOut(int index);

  // For tests and the benchmark: the held-out ELBO per image (one z per image, `seed` fixed),
  // on at most `limit` held-out images (0: all of the subset).
  double heldOutElbo(std::uint64_t seed, int limit = 0);
  // The ELBO per image of any images of the training size (one z per image from `seed`), e.g.
  // a whole test split; evaluated in chunks. Throws DataError for a size mismatch.
  double elboOf(const data::ImageSet& images, std::uint64_t seed);
  // The importance-weighted bound on log p(x) of each image (Burda et al., 2016), in nats:
  // log (1/K) sum_k p(x|z_k) p(z_k) / q(z_k|x) with K = `samples` draws z_k ~ q(z|x). A lower
  // bound for every K, equal in expectation to the ELBO at K = 1 and rising towards log p(x)
  // as K grows. Throws DataError for a size mismatch, ConfigError for samples < 1.
  std::vector<double> importanceWeightedBounds(const data::ImageSet& images, int samples,
                                               std::uint64_t seed);
  // The last evaluation's KL decomposition and MIG (NaN-free after the first step).
  const VaeSnapshot& lastEvaluation() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace genlab::vae
