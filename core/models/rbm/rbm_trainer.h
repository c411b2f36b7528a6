#pragma once
// The RBM as a training-session Trainer (core/train/trainer.h): one step() is one minibatch of
// CD-k or PCD-k, plus one Gibbs sweep of the dreaming chains the lab shows. Every eval_every
// steps (and at steps 1, 2, 4, ... before that) it measures the held-out images' mean
// log-likelihood (exact or AIS, rbm_evaluation.h) and pseudo-likelihood. Minibatches follow a
// shuffle of the training set drawn per epoch from the trainer's Rng.

#include <cstdint>
#include <memory>
#include <random>

#include "core/data/image_set.h"
#include "core/models/rbm/rbm_config.h"
#include "core/models/rbm/rbm_learning.h"
#include "core/models/rbm/rbm_model.h"
#include "core/models/rbm/rbm_snapshot.h"
#include "core/train/trainer.h"
#include "core/util/rng.h"

namespace genlab::rbm {

class RbmTrainer final : public train::Trainer {
 public:
  // `split`: binary images (DataError naming the first pixel that is not 0 or 1). With no
  // held-out images, evaluations score the training set.
  RbmTrainer(const RbmConfig& config, data::ImageSplit split, std::uint64_t seed);

  std::string modelName() const override { return "rbm"; }
  std::vector<std::string> metricNames() const override;
  train::StepOutcome step(std::span<double> metrics, std::stop_token stop) override;
  train::SnapshotPtr snapshot() const override { return m_snapshot; }
  // lr, momentum, weight_decay, k, method, eval_every, ais_*: at the next step. batch: new PCD
  // chains; chains: new dreaming chains; hidden, init_stddev: a fresh model.
  void setParam(const std::string& key, const nlohmann::json& value) override;
  nlohmann::json settings() const override { return m_config.toJson(); }
  void saveCheckpoint(const std::filesystem::path& file) const override;
  void loadCheckpoint(const std::filesystem::path& file) override;
  std::string checkpointExtension() const override { return ".json"; }
  std::int64_t stepsDone() const override { return m_steps; }

  void setThreads(int threads) { m_threads = threads; }
  const Rbm& model() const { return m_rbm; }

 private:
  void initialiseModel(std::uint64_t seed);
  void resetDreams();
  void evaluate();
  void publish();

  RbmConfig m_config;
  std::uint64_t m_seed;
  int m_threads = 1;
  int m_height = 0;
  int m_width = 0;
  Eigen::MatrixXd m_train;  // N x V, binary
  Eigen::MatrixXd m_test;   // M x V (the training set when there is no held-out set)
  Eigen::MatrixXd m_shown;  // the held-out images whose reconstructions are shown
  Rbm m_rbm;
  std::unique_ptr<ContrastiveDivergence> m_learner;
  Rng m_rng;
  std::vector<Eigen::Index> m_order;
  Eigen::Index m_position = 0;  // next index into m_order
  std::int64_t m_epoch = 0;
  std::int64_t m_steps = 0;
  std::uint64_t m_reinitCount = 0;
  Eigen::MatrixXd m_dreams;  // the dreaming chains' visible samples
  Eigen::MatrixXd m_dreamProbabilities;
  double m_reconstructionError = 0.0;
  RbmEvaluation m_evaluation;
  train::SnapshotPtr m_snapshot;
};

}  // namespace genlab::rbm
