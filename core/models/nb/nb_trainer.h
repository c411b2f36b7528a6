#pragma once
// Naive Bayes as a training-session Trainer (core/train/trainer.h). Naive Bayes fits in closed
// form, so a session teaches with the data instead: step k adds the next `batch` training
// points and refits on the grown prefix, so the class watches the posterior settle as evidence
// comes in. Each step logs train and held-out accuracy and the held-out log-likelihood
// log p(x) (nats per sample); on 2-D points the same for one full-covariance Gaussian per class
// (FullGaussianClasses), the "not naive" model fitted to the same prefix.
//
// The state is (settings, steps, training points used): every fit is a deterministic function
// of it and of the lesson's data, so a checkpoint holds just that and resumes bit for bit.

#include <cstdint>
#include <filesystem>
#include <memory>

#include "core/models/nb/nb_settings.h"
#include "core/models/nb/nb_snapshot.h"
#include "core/train/trainer.h"

namespace genlab::nb {

class NbTrainer final : public train::Trainer {
 public:
  // `data`: train and test sets (labels in [0, K) for K = classNames.size()); every class must
  // have a training point. The training rows are used in the given order, except that the
  // first of each class is moved to the front so every prefix of K or more rows has every
  // class. Throws DataError for missing classes or labels, ConfigError for bad settings.
  NbTrainer(const NbSettings& settings, NbSnapshot::Data data, std::uint64_t seed);

  std::string modelName() const override { return "nb"; }
  // "train_points", "train_accuracy", "test_accuracy", "test_log_likelihood", and on points
  // also "full_train_accuracy", "full_test_accuracy", "full_test_log_likelihood".
  std::vector<std::string> metricNames() const override;
  // Adds the next `batch` points and refits. Converged once every training point is in.
  train::StepOutcome step(std::span<double> metrics, std::stop_token stop) override;
  train::SnapshotPtr snapshot() const override { return m_snapshot; }
  // Keys of NbSettings; the models are refitted on the current prefix at once.
  void setParam(const std::string& key, const nlohmann::json& value) override;
  nlohmann::json settings() const override { return m_settings.toJson(); }
  // JSON: {"model": "nb", "step", "train_points", "settings", and for people "classes",
  // "class_log_prior", "theta"/"var" or "feature_log_prob"}.
  void saveCheckpoint(const std::filesystem::path& file) const override;
  void loadCheckpoint(const std::filesystem::path& file) override;
  std::string checkpointExtension() const override { return ".json"; }
  std::int64_t stepsDone() const override { return m_steps; }

  Eigen::Index trainPointsUsed() const { return m_used; }
  Eigen::Index trainPoints() const { return m_data->train.rows(); }

 private:
  // Fits both models on the first `used` training rows with `settings` and returns the
  // snapshot (not yet published). Throws NumericError for a fit that is not finite.
  std::shared_ptr<NbSnapshot> fit(const NbSettings& settings, Eigen::Index used) const;
  Eigen::Index firstPrefix(const NbSettings& settings) const;

  NbSettings m_settings;
  std::shared_ptr<const NbSnapshot::Data> m_data;
  int m_classes = 0;
  std::uint64_t m_seed;
  std::int64_t m_steps = 0;
  Eigen::Index m_used = 0;
  std::shared_ptr<const NbSnapshot> m_snapshot;
};

}  // namespace genlab::nb
