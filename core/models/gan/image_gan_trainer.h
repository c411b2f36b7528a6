#pragma once
// The image GAN (MLP or DCGAN on 28x28 grey-scale images) as a training-session Trainer. One
// step() is k discriminator updates then one generator update, on random minibatches (pixels
// scaled to [-1, 1]). Used by one thread only; LibTorch stays behind a pimpl.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/data/image_set.h"
#include "core/models/gan/gan_settings.h"
#include "core/models/gan/image_gan_snapshot.h"
#include "core/train/trainer.h"

namespace genlab::gan {

struct ImageGanOptions {
  std::chrono::milliseconds picturePeriod{300};  // sample grid redrawn at most this often
  int threads = 1;
};

class ImageGanTrainer final : public train::Trainer {
 public:
  // `images`: 28x28, at least one. Throws DataError otherwise, ConfigError for bad settings.
  ImageGanTrainer(const GanSettings& settings, data::ImageSet images, std::uint64_t seed,
                  ImageGanOptions options = {});
  ~ImageGanTrainer() override;

  std::string modelName() const override { return "gan_image"; }
  // loss_d, loss_g (the step's last updates), d_real, d_fake (mean displayed D output on the
  // last real and generated batches).
  std::vector<std::string> metricNames() const override;
  // Polls `stop` between updates; a step cut short is not counted.
  train::StepOutcome step(std::span<double> metrics, std::stop_token stop) override;
  train::SnapshotPtr snapshot() const override { return m_snapshot; }
  void setParam(const std::string& key, const nlohmann::json& value) override;
  nlohmann::json settings() const override { return m_settings.toJson(); }
  // LibTorch archive: both networks (batch-norm statistics included), both optimisers' state,
  // the generator, settings and counters, the fixed picture noise and the pictures.
  void saveCheckpoint(const std::filesystem::path& file) const override;
  // Settings come from the checkpoint; the training images must be as many as the saver's.
  void loadCheckpoint(const std::filesystem::path& file) override;
  std::string checkpointExtension() const override { return ".pt"; }
  std::int64_t stepsDone() const override { return m_steps; }

  // --- lab controls and tests (trainer thread only) --------------------------------------------
  void stepDiscriminatorOnly();
  void stepGeneratorOnly();
  void refreshPictures();
  // The nearest training image of each current grid sample (brute force over the training set).
  NearestTraining nearestTraining();
  // n samples in [0, 1] (n * 784 floats) from fresh noise.
  std::vector<float> sample(int n);
  // D's displayed output for images in [0, 1] (count * 784 floats).
  std::vector<float> discriminate(const std::vector<float>& images, int count);

 private:
  struct Nets;
  void rebuildNetworks();
  void rebuildOptimizers();
  double updateDiscriminator();
  double updateGenerator();
  void drawPictures();
  void publish(std::vector<std::string> messages = {});

  GanSettings m_settings;
  ImageGanOptions m_options;
  data::ImageSet m_images;
  std::uint64_t m_seed;
  std::uint64_t m_rebuilds = 0;
  std::unique_ptr<Nets> m_nets;
  std::shared_ptr<const ImageGanPictures> m_pictures;
  std::chrono::steady_clock::time_point m_lastPictures;
  std::int64_t m_steps = 0;
  std::int64_t m_dUpdates = 0;
  std::int64_t m_gUpdates = 0;
  double m_lossD = 0.0, m_lossG = 0.0, m_dReal = 0.0, m_dFake = 0.0;
  train::SnapshotPtr m_snapshot;
};

}  // namespace genlab::gan
