#pragma once
// The HMM as a training-session Trainer: one step is one Baum-Welch iteration over all
// sequences. Metrics per step:
//   log_likelihood  log P(all sequences) / (number of observations), per observation, under the
//                   parameters the step started from (the E-step's value; EM guarantees this
//                   series never decreases);
//   delta           its change from the previous step (0 on the first step and after an edit).
// The step converges when delta < tol on a step with a predecessor (a negative delta is
// rounding at the optimum, or the variance floor binding), or when max_iter steps are done.
//
// Parameter edits (setTransitionRow, ...) come from the UI through the session's command
// queue, so they run on the trainer thread like step(). Each renormalises what it is given,
// recomputes the snapshot and restarts the delta series.

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/models/hmm/baum_welch.h"
#include "core/models/hmm/hmm_model.h"
#include "core/models/hmm/hmm_settings.h"
#include "core/models/hmm/observations.h"
#include "core/train/trainer.h"

namespace genlab::hmm {

// Immutable and self-contained: everything the trellis view and the parameter panel draw.
// The sequence and its true path are shared by every snapshot that shows it (a timeline of 256
// snapshots of a 100,000-step sequence holds one copy of it, not 256).
struct HmmSnapshot : train::Snapshot {
  HmmModel model;           // parameters after `step` steps
  Index sequenceIndex = 0;  // which training sequence the tables below describe
  std::shared_ptr<const Observations> sequence;  // that sequence; never null once published
  RowMatrix gamma;                               // T x K, P(z_t = i | x)
  RowMatrix alpha;                               // T x K, P(z_t = i | x_0..t), rows sum to 1
  RowMatrix beta;                // T x K, backward variables normalised per row for display
  std::vector<int> viterbiPath;  // T
  double viterbiLogProb = 0.0;
  // T, the path that generated the data; null when unknown.
  std::shared_ptr<const std::vector<int>> sharedTruePath;
  double logLikelihood = 0.0;                // log P(observations) under `model`
  double logLikelihoodPerObservation = 0.0;  // last step's metric (0 before the first step)

  const Observations& observations() const { return *sequence; }
  const std::vector<int>& truePath() const {
    static const std::vector<int> kNone;
    return sharedTruePath ? *sharedTruePath : kNone;
  }
  // The T x K tables, the paths and the model; not the shared sequence and true path.
  std::size_t bytes() const override;
};

class HmmTrainer final : public train::Trainer {
 public:
  // `settings` in the format of hmm_settings.h; `truePaths` (optional) has one path per
  // sequence. Throws ConfigError for bad settings, DataError for bad sequences.
  HmmTrainer(const nlohmann::json& settings, std::vector<Observations> sequences,
             std::uint64_t seed, std::vector<std::vector<int>> truePaths = {});

  std::string modelName() const override { return "hmm"; }
  std::vector<std::string> metricNames() const override { return {"log_likelihood", "delta"}; }
  train::StepOutcome step(std::span<double> metrics, std::stop_token stop) override;
  train::SnapshotPtr snapshot() const override { return m_snapshot; }
  void setParam(const std::string& key, const nlohmann::json& value) override;
  nlohmann::json settings() const override;
  // Writes the current model in the model JSON format (model_json.h).
  void saveCheckpoint(const std::filesystem::path& file) const override;
  void loadCheckpoint(const std::filesystem::path& file) override;
  std::string checkpointExtension() const override { return ".json"; }
  std::int64_t stepsDone() const override { return m_steps; }

  const HmmModel& model() const { return m_model; }

  // Edits; each throws ConfigError naming the row when the input has the wrong length, a
  // negative or non-finite entry, sums to 0, or makes the data impossible (the model is then
  // left as it was).
  void setStart(std::span<const double> probs);
  void setTransitionRow(Index i, std::span<const double> row);
  void setEmissionRow(Index i, std::span<const double> row);  // discrete emissions
  void setStateGaussian(Index i, std::span<const double> mean, std::span<const double> variance);
  // Chooses which sequence the snapshot's tables describe.
  void selectSequence(Index index);

 private:
  void applyEdit(HmmModel edited);
  void publish();

  HmmSettings m_settings;
  std::vector<Observations> m_sequences;
  std::vector<std::vector<int>> m_truePaths;
  // Copies of the shown sequence and its true path that snapshots share (made when it changes).
  std::shared_ptr<const Observations> m_shownSequence;
  std::shared_ptr<const std::vector<int>> m_shownTruePath;
  Index m_shownCopyIndex = -1;
  Index m_observations = 0;
  HmmModel m_model;
  BaumWelch m_baumWelch;
  Index m_shown = 0;
  std::int64_t m_steps = 0;
  std::int64_t m_stepsSinceEdit = 0;
  double m_lastPerObs = 0.0;
  train::SnapshotPtr m_snapshot;
};

}  // namespace genlab::hmm
