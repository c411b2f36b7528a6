#pragma once
// word2vec as a training-session Trainer (core/train/trainer.h): one step() makes
// settings.updates_per_step predictions on one thread (Word2Vec::trainPredictions), so a run
// replays bit for bit from its seed and resumes bit for bit from a checkpoint.
//
// Metrics per step: "loss" (per prediction, an exponential moving average over about the last
// kLossSpan predictions, so it neither jumps at epoch ends nor shakes with 10-update steps),
// "alpha" (the learning rate now), "words_per_sec" (corpus words this step took through, over its
// wall time) and, when the lesson names a pairs file, "similarity" (Spearman of cosine against the
// pairs' scores).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/models/word2vec/similarity_pairs.h"
#include "core/models/word2vec/word2vec_model.h"
#include "core/models/word2vec/word2vec_run_snapshot.h"
#include "core/models/word2vec/word2vec_settings.h"
#include "core/train/trainer.h"

namespace genlab::word2vec {

class Word2VecTrainer final : public train::Trainer {
 public:
  static constexpr double kLossSpan = 2000.0;

  // settings.config.seed is replaced by `seed`. Throws ConfigError / DataError like Word2Vec.
  Word2VecTrainer(const Word2VecSettings& settings, text::Vocabulary vocabulary,
                  text::EncodedCorpus corpus, std::uint64_t seed,
                  std::vector<SimilarityPair> pairs = {});

  std::string modelName() const override { return "word2vec"; }
  std::vector<std::string> metricNames() const override;
  train::StepOutcome step(std::span<double> metrics, std::stop_token stop) override;
  train::SnapshotPtr snapshot() const override;
  // "alpha", "min_alpha", "negative", "window", "sample", "updates_per_step" change at the next
  // step; any other key throws ConfigError "settings.<key>: ...".
  void setParam(const std::string& key, const nlohmann::json& value) override;
  nlohmann::json settings() const override { return settingsToJson(m_settings); }
  // word2vec_checkpoint.h's format: the header holds "model", "step", "settings", "updates",
  // "state" (TrainingState) and the shape; the two matrices follow as floats.
  void saveCheckpoint(const std::filesystem::path& file) const override;
  void loadCheckpoint(const std::filesystem::path& file) override;
  std::string checkpointExtension() const override { return ".w2v"; }
  std::int64_t stepsDone() const override { return m_steps; }

  // The next step makes `updates` predictions instead of updates_per_step (the lab's "1 / 20 /
  // 100 / 500 updates" buttons post this, then ask for one step).
  void setNextStepUpdates(std::int64_t updates) { m_nextStepUpdates = updates; }

  const Word2Vec& model() const { return m_model; }

 private:
  void touch() { m_cached.reset(); }
  SimilarityScore similarityNow() const;  // on the held-out pairs (m_pairs not empty)
  void refreshSimilarity();

  Word2VecSettings m_settings;
  Word2Vec m_model;
  std::vector<SimilarityPair> m_pairs;
  std::shared_ptr<const std::vector<std::int64_t>> m_counts;
  std::int64_t m_steps = 0;
  std::int64_t m_updates = 0;
  std::int64_t m_nextStepUpdates = 0;  // 0: updates_per_step
  double m_smoothedLoss;               // NaN before the first prediction
  double m_similarity;                 // after the last step (NaN: no pairs, or not yet)
  int m_similarityPairs = 0;
  mutable train::SnapshotPtr m_cached;  // built on demand: the session asks less than it steps
};

}  // namespace genlab::word2vec
