#pragma once
// The DBM as a training-session Trainer (core/train/trainer.h). One step() is one minibatch:
// first pretrain_epochs epochs of RBM 1 on the images, then as many of RBM 2 on p(h1 | v)
// (dbm_pretraining.h; the DBM shown meanwhile is the greedy composition so far), then joint
// training (dbm_learning.h). Each step also takes one layer-wise Gibbs sweep of the dreaming
// chains. Every eval_every steps (and at steps 1, 2, 4, ... before that, and when a phase
// begins) it scores the held-out images (dbm_likelihood.h). Minibatches follow a shuffle of
// the training set drawn per epoch from the trainer's Rng.

#include <cstdint>
#include <memory>

#include "core/data/image_set.h"
#include "core/models/dbm/dbm_config.h"
#include "core/models/dbm/dbm_learning.h"
#include "core/models/dbm/dbm_model.h"
#include "core/models/dbm/dbm_snapshot.h"
#include "core/train/trainer.h"
#include "core/util/rng.h"

namespace genlab::dbm {

class DbmTrainer final : public train::Trainer {
 public:
  // `split`: binary images (DataError naming the first pixel that is not 0 or 1). With no
  // held-out images, evaluations score the training set.
  DbmTrainer(const DbmConfig& config, data::ImageSplit split, std::uint64_t seed);

  std::string modelName() const override { return "dbm"; }
  std::vector<std::string> metricNames() const override;
  train::StepOutcome step(std::span<double> metrics, std::stop_token stop) override;
  train::SnapshotPtr snapshot() const override { return m_snapshot; }
  // lr, pretrain_lr, momentum, weight_decay, k, mean_field_iterations, eval_every, ais_*: at
  // the next step; chains: new dreaming chains; hidden1, hidden2, pretrain_epochs, batch,
  // init_stddev: a fresh model, pretrained again.
  void setParam(const std::string& key, const nlohmann::json& value) override;
  nlohmann::json settings() const override { return m_config.toJson(); }
  void saveCheckpoint(const std::filesystem::path& file) const override;
  void loadCheckpoint(const std::filesystem::path& file) override;
  std::string checkpointExtension() const override { return ".json"; }
  std::int64_t stepsDone() const override { return m_steps; }

  void setThreads(int threads) { m_threads = threads; }
  const Dbm& model() const { return m_dbm; }
  Phase phase() const { return m_phase; }

 private:
  void initialiseModel(std::uint64_t seed);
  void startPhase(Phase phase);
  void nextBatch(Eigen::MatrixXd& batch, const Eigen::MatrixXd& source);
  void resetDreams();
  void evaluate();
  void publish();

  DbmConfig m_config;
  std::uint64_t m_seed;
  int m_threads = 1;
  int m_height = 0;
  int m_width = 0;
  Eigen::MatrixXd m_train;   // N x V, binary
  Eigen::MatrixXd m_test;    // M x V (the training set when there is no held-out set)
  Eigen::MatrixXd m_shown;   // the held-out images shown with their activations
  Eigen::MatrixXd m_layer2;  // p(h1 | v) of the training images under RBM 1 (from phase 2 on)
  rbm::Rbm m_first, m_second;
  std::unique_ptr<rbm::ContrastiveDivergence> m_firstLearner, m_secondLearner;
  std::unique_ptr<JointTraining> m_joint;
  Dbm m_dbm;
  Phase m_phase = Phase::GreedyFirst;
  std::int64_t m_phaseEpochs = 0;  // epochs begun in this phase
  Rng m_rng;
  std::vector<Eigen::Index> m_order;
  Eigen::Index m_position = 0;
  std::int64_t m_epoch = 0;
  std::int64_t m_steps = 0;
  std::uint64_t m_reinitCount = 0;
  Eigen::MatrixXd m_dreams;              // the dreaming chains' (v, h2) samples
  Eigen::MatrixXd m_dreamProbabilities;  // p(v | h1) of their last sweep
  double m_reconstructionError = 0.0;
  DbmEvaluation m_evaluation;
  train::SnapshotPtr m_snapshot;
};

}  // namespace genlab::dbm
