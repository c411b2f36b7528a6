#pragma once
// The toy 2-D GAN as a training-session Trainer (core/train/trainer.h). One step() is k
// discriminator updates (settings.d_steps) followed by one generator update, each on a fresh
// minibatch of real points and noise. Used by one thread only; the lab calls the extra methods
// below in closures posted to the session. LibTorch stays behind a pimpl so this header is
// cheap to include.

#include <Eigen/Core>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/models/gan/gan2d_snapshot.h"
#include "core/models/gan/gan_settings.h"
#include "core/models/gan/toy_targets.h"
#include "core/train/trainer.h"

namespace genlab::gan {

struct Gan2dOptions {
  int fieldCells = 96;        // D's heatmap grid per side
  int displaySamples = 1000;  // generated points shown (and measured)
  int manifoldLines = 15;     // noise_dim 2: grid lines per direction
  int manifoldPoints = 61;    // points per manifold line / curve
  // Visuals are recomputed at most this often while training (always after an edit).
  std::chrono::milliseconds visualPeriod{100};
  int threads = 1;  // LibTorch intra-op threads
};

class Gan2dTrainer final : public train::Trainer {
 public:
  // Throws ConfigError for bad settings (keys named), DataError for empty data.
  Gan2dTrainer(const GanSettings& settings, const TargetSpec& target, std::uint64_t seed,
               Gan2dOptions options = {});
  ~Gan2dTrainer() override;

  std::string modelName() const override { return "gan2d"; }
  // loss_d, loss_g: mean losses of the step's last D and G updates; kl, js, modes_covered: of
  // the latest visuals (recomputed ~10 times a second, carried in between; modes_covered is
  // NaN for targets without modes).
  std::vector<std::string> metricNames() const override;
  train::StepOutcome step(std::span<double> metrics, std::stop_token stop) override;
  train::SnapshotPtr snapshot() const override { return m_snapshot; }
  // Keys of GanSettings (toy flavour). Sizes and noise_dim rebuild both networks (a message
  // says so); optimiser kind, rates and betas rebuild the optimisers; the rest apply at once.
  void setParam(const std::string& key, const nlohmann::json& value) override;
  nlohmann::json settings() const override;
  // LibTorch archive: both networks, both optimisers' state, the generator, settings and
  // counters, the real data as edited, the display noise and the latest visuals (see the .cpp).
  void saveCheckpoint(const std::filesystem::path& file) const override;
  // Settings and data come from the checkpoint (a run's setParam calls and edits are in it);
  // the display options (samples, field cells) must be the saving trainer's.
  void loadCheckpoint(const std::filesystem::path& file) override;
  std::string checkpointExtension() const override { return ".pt"; }
  std::int64_t stepsDone() const override { return m_steps; }

  // --- teaching controls and tests (trainer thread only) ---------------------------------------

  void stepDiscriminatorOnly();  // one D update, no step counted
  void stepGeneratorOnly();      // one G update, no step counted
  void refreshVisuals();         // recompute the visuals now and publish

  // Replaces the real data by a fresh draw of `target` (the networks keep training on it).
  // The view bounds stay as they are.
  void setTarget(const TargetSpec& target);

  // Painting (any target; the target becomes "painted" and loses its modes).
  void addPoints(const Eigen::MatrixXd& points);  // rows x 2
  // Erases real points within `radius` of (x, y); keeps at least 8. Returns how many went.
  int erasePointsNear(double x, double y, double radius);

  // D's displayed output at each row of `points` (n x 2), evaluated here directly: the
  // reference the heatmap is checked against.
  Eigen::VectorXd discriminatorAt(const Eigen::MatrixXd& points);
  // n fresh samples of G (n x 2).
  Eigen::MatrixXd sample(int n);

  const TargetData& target() const { return m_target; }

 private:
  struct Nets;
  void rebuildNetworks();
  void rebuildOptimizers();
  double updateDiscriminator();
  double updateGenerator();
  void computeVisuals();
  void publish(std::vector<std::string> messages = {});
  void setRealData(Eigen::MatrixXd points, bool edited);

  GanSettings m_settings;
  Gan2dOptions m_options;
  TargetKind m_kind;
  TargetData m_target;
  Bounds2d m_bounds;
  std::uint64_t m_seed;
  std::uint64_t m_rebuilds = 0;
  int m_targetDraws = 0;
  std::unique_ptr<Nets> m_nets;
  std::shared_ptr<const std::vector<float>> m_real;
  std::shared_ptr<const Gan2dVisuals> m_visuals;
  std::chrono::steady_clock::time_point m_lastVisuals;
  std::int64_t m_steps = 0;
  std::int64_t m_dUpdates = 0;
  std::int64_t m_gUpdates = 0;
  double m_lossD = 0.0;
  double m_lossG = 0.0;
  train::SnapshotPtr m_snapshot;
};

}  // namespace genlab::gan
