#pragma once
// The PixelCNN as a training-session Trainer (core/train/trainer.h): one step() is one minibatch
// of Adam on the exact negative log-likelihood of binary images. Used by one thread only; the
// extra methods are for the lab (closures posted to the session) and tests. LibTorch stays
// behind the pimpl: this header is cheap to include.
//
// Metrics of every step (metricNames() order):
//   nll                the training batch's -log p(x), nats per image
//   bits_per_dim       the same in bits per pixel
//   test_nll           the held-out -log p(x), nats per image, from the latest evaluation
//   test_bits_per_dim  (at step 1, then every eval_every steps; repeated in between)

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/data/image_set.h"
#include "core/models/pixelcnn/pixelcnn_config.h"
#include "core/models/pixelcnn/pixelcnn_snapshot.h"
#include "core/train/trainer.h"

namespace genlab::pixelcnn {

class PixelCnnTrainer final : public train::Trainer {
 public:
  static constexpr int kHeldOutMax = 1000;  // held-out images evaluated (the first ones)

  // Images must be binary (every pixel 0 or 1): DataError naming the split, image and pixel
  // otherwise, and for an empty split or mismatched sizes. `threads` > 0 sets LibTorch's
  // intra-op threads on every thread that computes.
  PixelCnnTrainer(const PixelCnnConfig& config, data::ImageSplit data, std::uint64_t seed,
                  int threads = 0);
  ~PixelCnnTrainer() override;

  std::string modelName() const override { return "pixelcnn"; }
  std::vector<std::string> metricNames() const override;
  train::StepOutcome step(std::span<double> metrics, std::stop_token stop) override;
  train::SnapshotPtr snapshot() const override;
  // The held-out NLL and the sample grid of the untrained network (step 0); nothing once a
  // step, a rebuild or a checkpoint has drawn them.
  void prepare() override;
  void setParam(const std::string& key, const nlohmann::json& value) override;
  nlohmann::json settings() const override;
  // One torch archive: network, Adam's state, the initialisation generator, the data order,
  // its cursor and Rng, counters, the last metrics and the settings.
  void saveCheckpoint(const std::filesystem::path& file) const override;
  void loadCheckpoint(const std::filesystem::path& file) override;
  std::string checkpointExtension() const override { return ".pt"; }
  std::int64_t stepsDone() const override;

  // --- lab and tests (trainer thread only) ----------------------------------------------------
  // Held-out NLL in nats per image over at most kHeldOutMax images (the metric test_nll).
  double heldOutNll();
  // -log p(x) in nats of each of `count` images (count * height * width 0/1 floats).
  std::vector<double> nllOf(const std::vector<float>& images, int count);
  // The receptive field of pixel (row, col), from the gradient at the snapshot's probe image.
  ReceptiveField receptiveField(int row, int col);
  // Advances the animation by `pixels` pixels (a new image with new uniforms after the last
  // one; `restart` begins a new image now) and returns the frame.
  SamplingFrame animate(int pixels, bool restart = false);
  // The sample grid drawn now (kGridCount images from the fixed uniforms).
  std::vector<float> drawGrid();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace genlab::pixelcnn
