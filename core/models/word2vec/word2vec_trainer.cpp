#include "core/models/word2vec/word2vec_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "core/data/json_fields.h"
#include "core/models/word2vec/keyed_vectors.h"
#include "core/models/word2vec/word2vec_checkpoint.h"
#include "core/util/errors.h"

namespace genlab::word2vec {
namespace {

Word2VecConfig seeded(Word2VecConfig config, std::uint64_t seed) {
  config.seed = seed;
  config.threads = 1;  // sessions replay; Hogwild is the command line's
  return config;
}

}  // namespace

Word2VecTrainer::Word2VecTrainer(const Word2VecSettings& settings, text::Vocabulary vocabulary,
                                 text::EncodedCorpus corpus, std::uint64_t seed,
                                 std::vector<SimilarityPair> pairs)
    : m_settings(settings),
      m_model(seeded(settings.config, seed), std::move(vocabulary), std::move(corpus)),
      m_pairs(std::move(pairs)),
      m_smoothedLoss(std::numeric_limits<double>::quiet_NaN()),
      m_similarity(std::numeric_limits<double>::quiet_NaN()) {
  m_settings.config = m_model.config();
  m_counts = std::make_shared<const std::vector<std::int64_t>>(m_model.vocabulary().counts());
  refreshSimilarity();  // of the random start: the curve's baseline
}

std::vector<std::string> Word2VecTrainer::metricNames() const {
  std::vector<std::string> names = {"loss", "alpha", "words_per_sec"};
  if (!m_pairs.empty()) names.push_back("similarity");
  return names;
}

SimilarityScore Word2VecTrainer::similarityNow() const {
  const KeyedVectors keyed(m_model.vocabulary().words(), m_model.dim(), m_model.inputVectors());
  return scoreSimilarity(keyed, m_pairs);
}

void Word2VecTrainer::refreshSimilarity() {
  if (m_pairs.empty()) return;
  const SimilarityScore score = similarityNow();
  m_similarity = score.spearman;
  m_similarityPairs = score.pairsUsed;
}

train::StepOutcome Word2VecTrainer::step(std::span<double> metrics, std::stop_token /*stop*/) {
  // A step is short (updates_per_step is sized for tens of milliseconds); not cut midway.
  const std::int64_t updates =
      m_nextStepUpdates > 0 ? m_nextStepUpdates : m_settings.updatesPerStep;
  m_nextStepUpdates = 0;
  const std::int64_t wordsBefore = m_model.wordsDone();
  const double lossBefore = m_model.totalLoss();
  const std::int64_t predictionsBefore = m_model.totalPredictions();
  const auto start = std::chrono::steady_clock::now();
  m_updates += m_model.trainPredictions(updates);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ++m_steps;
  const auto made = static_cast<double>(m_model.totalPredictions() - predictionsBefore);
  if (made > 0.0) {
    // Each prediction weighs 1 / kLossSpan against the average so far.
    const double mean = (m_model.totalLoss() - lossBefore) / made;
    const double weight = std::isnan(m_smoothedLoss) ? 1.0 : -std::expm1(-made / kLossSpan);
    m_smoothedLoss =
        std::isnan(m_smoothedLoss) ? mean : m_smoothedLoss + weight * (mean - m_smoothedLoss);
  }
  refreshSimilarity();
  const double words = static_cast<double>(m_model.wordsDone() - wordsBefore);
  const double values[] = {m_smoothedLoss, m_model.currentAlpha(),
                           seconds > 0.0 ? words / seconds : 0.0, m_similarity};
  for (std::size_t i = 0; i < metrics.size() && i < std::size(values); ++i) metrics[i] = values[i];
  touch();
  train::StepOutcome outcome;
  outcome.converged = m_model.finished();
  return outcome;
}

train::SnapshotPtr Word2VecTrainer::snapshot() const {
  if (m_cached) return m_cached;
  auto snap = std::make_shared<Word2VecRunSnapshot>();
  snap->step = m_steps;
  snap->model = m_model.snapshot();
  if (m_model.vocabulary().size() <= Word2VecRunSnapshot::kOutputWords) {
    snap->output = m_model.outputVectors();
  }
  snap->counts = m_counts;
  const Word2VecConfig& c = m_model.config();
  snap->architecture = c.architecture;
  snap->window = c.window;
  snap->negative = c.negative;
  snap->updates = m_updates;
  snap->updatesPerStep = m_settings.updatesPerStep;
  snap->epochs = c.epochs;
  snap->loss = m_smoothedLoss;
  snap->similarity = m_similarity;
  snap->similarityPairs = m_similarityPairs;
  m_cached = std::move(snap);
  return m_cached;
}

void Word2VecTrainer::setParam(const std::string& key, const nlohmann::json& value) {
  static const char* kLive[] = {"alpha",  "min_alpha", "negative",
                                "window", "sample",    "updates_per_step"};
  if (std::find(std::begin(kLive), std::end(kLive), key) == std::end(kLive)) {
    throw ConfigError("settings." + key +
                      ": cannot change during training (alpha, min_alpha, negative, window, "
                      "sample and updates_per_step can)");
  }
  nlohmann::json json = settingsToJson(m_settings);
  json[key] = value;
  Word2VecSettings updated = settingsFromJson(json);
  updated.config = seeded(updated.config, m_model.config().seed);
  m_model.setTrainingSettings(updated.config);
  m_settings = updated;
  touch();
}

void Word2VecTrainer::saveCheckpoint(const std::filesystem::path& file) const {
  CheckpointContent content;
  content.header = {{"model", "word2vec"},
                    {"step", m_steps},
                    {"updates", m_updates},
                    {"settings", settingsToJson(m_settings)},
                    {"words", m_model.vocabulary().size()},
                    {"dim", m_model.dim()},
                    {"corpus_words", m_model.corpus().words()},
                    {"smoothed_loss", std::isnan(m_smoothedLoss) ? nlohmann::json(nullptr)
                                                                 : nlohmann::json(m_smoothedLoss)},
                    {"similarity", std::isfinite(m_similarity) ? nlohmann::json(m_similarity)
                                                               : nlohmann::json(nullptr)},
                    {"state", toJson(m_model.trainingState())}};
  content.input = m_model.inputVectors();
  content.output = m_model.outputVectors();
  writeWord2VecCheckpoint(file, content);
}

void Word2VecTrainer::loadCheckpoint(const std::filesystem::path& file) {
  CheckpointContent content = readWord2VecCheckpoint(file, m_model.inputVectors().size());
  const nlohmann::json& header = content.header;
  const nlohmann::json named = header.contains("model") ? header["model"] : nlohmann::json("?");
  if (named != "word2vec") {
    throw DataError(file.string() + ": a checkpoint of model " + named.dump() +
                    ", not of word2vec");
  }
  try {
    Word2VecSettings settings = settingsFromJson(header.at("settings"));
    settings.config = seeded(settings.config, m_model.config().seed);
    if (header.at("corpus_words") != m_model.corpus().words() ||
        header.at("words") != m_model.vocabulary().size()) {
      throw ConfigError("corpus: the checkpoint's corpus (" + header.at("corpus_words").dump() +
                        " words, " + header.at("words").dump() + " distinct) is not this lesson's");
    }
    const TrainingState state = trainingStateFromJson(header.at("state"));
    const auto steps = data::readInteger<std::int64_t>(header.at("step"), "step");
    const auto updates = data::readInteger<std::int64_t>(header.at("updates"), "updates");
    const nlohmann::json& smoothed = header.at("smoothed_loss");
    const double smoothedLoss =
        smoothed.is_number() ? smoothed.get<double>() : std::numeric_limits<double>::quiet_NaN();
    // Checks first (both throw before changing anything), then nothing throws.
    Word2VecConfig previous = m_model.config();
    m_model.setTrainingSettings(settings.config);
    try {
      m_model.restore(state, std::move(content.input), std::move(content.output));
    } catch (...) {
      m_model.setTrainingSettings(previous);
      throw;
    }
    m_settings = settings;
    m_steps = steps;
    m_updates = updates;
    m_smoothedLoss = smoothedLoss;
    m_nextStepUpdates = 0;
    refreshSimilarity();
  } catch (const std::exception& error) {
    throw DataError(file.string() + ": " + error.what());
  }
  touch();
}

}  // namespace genlab::word2vec
