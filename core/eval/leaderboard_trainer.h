#pragma once
// The likelihood leaderboard as a training-session Trainer (core/train/trainer.h), for the
// lesson "Which model explains the digits best": one step() fits and scores one model of the
// table (likelihood_leaderboard.h), in the table's order, on the split runLeaderboard makes
// from the same options, so the finished board equals the command line's. The snapshot holds
// the entries so far, which model is next, and each finished model's samples.
//
// A step is as long as its model's training (a second for the mixture, tens of seconds for
// PixelCNN at the command line's settings); it polls the session's stop token between epochs
// or minibatches, and a step cut short keeps nothing of the model it was fitting.
//
// The checkpoint is the board so far: the entries, the skipped models and how many models are
// done. Resuming from it goes on with the next model without refitting the finished ones
// (each scorer starts from the options' seed alone, so the resumed board equals an
// uninterrupted one).

#include <string>
#include <utility>
#include <vector>

#include "core/eval/leaderboard_snapshot.h"
#include "core/lesson/lesson.h"
#include "core/train/trainer.h"

namespace genlab::eval {

class LeaderboardTrainer final : public train::Trainer {
 public:
  using NamedScorer = std::pair<std::string, Scorer>;

  // Scores options.models (every model of the table when empty) with the table's scorers.
  explicit LeaderboardTrainer(LeaderboardOptions options);
  // The same with the scorers given (tests count their calls). Makes the split now: throws
  // ConfigError / DataError as makeLeaderboardSplit does.
  LeaderboardTrainer(LeaderboardOptions options, std::vector<NamedScorer> scorers);

  std::string modelName() const override { return "leaderboard"; }
  std::vector<std::string> metricNames() const override;
  train::StepOutcome step(std::span<double> metrics, std::stop_token stop) override;
  train::SnapshotPtr snapshot() const override { return m_snapshot; }
  // Any key of leaderboard_settings.h: it applies to the models not yet scored. "models" may
  // only be given the board's own list (ConfigError otherwise).
  void setParam(const std::string& key, const nlohmann::json& value) override;
  nlohmann::json settings() const override;
  void saveCheckpoint(const std::filesystem::path& file) const override;
  void loadCheckpoint(const std::filesystem::path& file) override;
  std::string checkpointExtension() const override { return ".json"; }
  std::int64_t stepsDone() const override { return m_steps; }

 private:
  void publish();

  LeaderboardOptions m_options;
  std::vector<NamedScorer> m_scorers;
  data::ImageSplit m_split;
  std::string m_data;
  std::size_t m_scored = 0;
  std::int64_t m_steps = 0;
  std::vector<LeaderboardEntry> m_entries;  // in scoring order
  std::vector<std::pair<std::string, std::string>> m_skipped;
  train::SnapshotPtr m_snapshot;
};

// The factory registered as "leaderboard" in core/models/registry.cpp: "dataset" an image
// dataset of core/data/image_datasets.h (binarised: "threshold" unless it says "sample"),
// "settings" as leaderboard_settings.h.
std::unique_ptr<train::Trainer> makeLeaderboard(const lesson::Lesson& lesson, std::uint64_t seed);

}  // namespace genlab::eval
