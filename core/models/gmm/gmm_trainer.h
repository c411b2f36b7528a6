#pragma once
// The GMM as a training-session Trainer (core/train/trainer.h): one step() is one EM iteration.
// Like every Trainer it is used by one thread only; the UI calls the extra methods below from
// the trainer thread, in a closure posted to the session. After every method that changes
// something, snapshot() returns a new snapshot describing it.

#include <Eigen/Core>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stop_token>
#include <vector>

#include "core/math/pca.h"
#include "core/models/gmm/gaussian_mixture.h"
#include "core/models/gmm/gmm_config.h"
#include "core/models/gmm/gmm_snapshot.h"
#include "core/train/trainer.h"

namespace genlab::gmm {

// One point of the model-selection curve.
struct BicAicPoint {
  int k = 0;
  double bic = 0.0;
  double aic = 0.0;
  double meanLogLikelihood = 0.0;
  bool converged = false;
};

class GmmTrainer final : public train::Trainer {
 public:
  // `data` is N x d, one sample per row; `trueLabels` (optional, N entries) travel to snapshots.
  // Throws ConfigError / DataError like GaussianMixture's constructor.
  GmmTrainer(const GmmConfig& config, Eigen::MatrixXd data, std::uint64_t seed,
             std::vector<int> trueLabels = {});

  std::string modelName() const override { return "gmm"; }
  // "log_likelihood": mean per-sample log-likelihood after the step; "delta": its change.
  std::vector<std::string> metricNames() const override { return {"log_likelihood", "delta"}; }
  // One EM iteration. Outcome.converged when |delta| < tol or max_iter iterations are done.
  train::StepOutcome step(std::span<double> metrics, std::stop_token stop) override;
  train::SnapshotPtr snapshot() const override { return m_snapshot; }
  // Keys of GmmConfig ("settings.<key>" in errors). reg_covar, tol and max_iter apply at the
  // next step; k, covariance, init and initial_means re-initialise the model.
  void setParam(const std::string& key, const nlohmann::json& value) override;
  nlohmann::json settings() const override { return m_model.config().toJson(); }
  // JSON: {"model": "gmm", "step", "settings", "weights", "means", "covariances" (full d x d),
  // "mean_log_likelihood", "iteration", "converged", "exact" (GaussianMixture::exactState),
  // "reinit_count", "last_delta"} and, after the data was edited by hand, "data" and "labels".
  void saveCheckpoint(const std::filesystem::path& file) const override;
  void loadCheckpoint(const std::filesystem::path& file) override;
  std::string checkpointExtension() const override { return ".json"; }
  std::int64_t stepsDone() const override { return m_steps; }

  // --- For the lab's teaching controls (trainer thread only) -----------------------------------

  void eStepOnly();                      // responsibilities and log-likelihood now
  std::vector<std::string> mStepOnly();  // parameters from the shown responsibilities
  // Moves component k's mean (d coordinates) and runs the E-step, so colours and log-likelihood
  // update at once. On failure (NumericError) the mean is put back.
  void setMean(int k, const Eigen::VectorXd& mean);
  // The same from display coordinates: moves the mean within the projection plane (for d = 2
  // exactly to (x, y)).
  void setMean2D(int k, const Eigen::Vector2d& position);
  // Replaces the dataset (same dimension), keeping the parameters; recomputes the projection.
  void setData(Eigen::MatrixXd data, std::vector<int> trueLabels = {});
  // Appends points (rows, d coordinates; true labels become unknown, -1). Keeps the projection.
  void addPoints(const Eigen::MatrixXd& points);
  // Erases the points whose display position lies within `radius` of (x, y); returns how many.
  // Meant for d = 2, where display coordinates are data coordinates; for d > 2 it erases by
  // projected position. Never erases the last point (then nothing is erased).
  int erasePointsNear(double x, double y, double radius);
  // n points drawn from the current mixture (n x d).
  Eigen::MatrixXd sample(Eigen::Index n);
  // Threads for the E- and M-steps (0 = all cores).
  void setThreads(int threads) {
    m_threads = threads;
    m_model.setThreads(threads);
  }

  const GaussianMixture& model() const { return m_model; }

  // BIC and AIC for K = 1..kMax on `data` (K above N is skipped), each fit from `config` with
  // its k replaced (manual init becomes kmeans), the best of its n_init starts. Checks `stop`
  // between fits and returns the points done so far. Meant for a background thread: it shares
  // nothing with any trainer.
  static std::vector<BicAicPoint> bicAicCurve(const Eigen::MatrixXd& data, GmmConfig config,
                                              int kMax, std::uint64_t seed,
                                              std::stop_token stop = {}, int threads = 1);

 private:
  // Hands `data` to the model (keeping its parameters), then refreshDisplay().
  void replaceData(Eigen::MatrixXd data, std::vector<int> labels, bool newProjection);
  // Labels, projection (when asked) and projected points from m_data.
  void refreshDisplay(std::vector<int> labels, bool newProjection);
  void publish(std::vector<std::string> messages = {});

  std::uint64_t m_seed;
  std::uint64_t m_reinitCount = 0;
  bool m_dataEdited = false;  // the data no longer equals the lesson's: checkpoints carry it
  int m_threads = 0;
  Eigen::MatrixXd m_data;  // N x d, as given
  std::shared_ptr<const std::vector<int>> m_labels;
  math::Projection2D m_projection;
  std::shared_ptr<const GmmSnapshot::Points2f> m_points;
  GaussianMixture m_model;
  std::int64_t m_steps = 0;
  double m_lastDelta = 0.0;
  train::SnapshotPtr m_snapshot;
};

}  // namespace genlab::gmm
