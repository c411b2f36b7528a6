#include "core/models/hmm/hmm_trainer.h"

#include <cmath>
#include <fstream>

#include "core/data/json_fields.h"
#include "core/models/hmm/forward_backward.h"
#include "core/models/hmm/model_json.h"
#include "core/models/hmm/sampling.h"
#include "core/models/hmm/viterbi.h"
#include "core/train/json_checkpoint.h"
#include "core/util/errors.h"
#include "core/util/rng.h"

namespace genlab::hmm {

namespace {

// Checks an edited probability row and scales it to sum to 1.
Eigen::RowVectorXd normalisedRow(std::span<const double> values, Index expected,
                                 const std::string& key) {
  if (static_cast<Index>(values.size()) != expected)
    throw ConfigError(key + ": has " + std::to_string(values.size()) + " entries, expected " +
                      std::to_string(expected));
  Eigen::RowVectorXd row(expected);
  for (Index j = 0; j < expected; ++j) {
    const double v = values[static_cast<std::size_t>(j)];
    if (!std::isfinite(v) || v < 0.0)
      throw ConfigError(key + ": entry " + std::to_string(j) + " must be finite and >= 0");
    row(j) = v;
  }
  const double sum = row.sum();
  if (!(sum > 0.0)) throw ConfigError(key + ": all entries are 0");
  return row / sum;
}

void checkState(Index i, Index states, const std::string& what) {
  if (i < 0 || i >= states)
    throw ConfigError(what + ": state " + std::to_string(i) + " is out of range [0, " +
                      std::to_string(states) + ")");
}

}  // namespace

HmmTrainer::HmmTrainer(const nlohmann::json& settings, std::vector<Observations> sequences,
                       std::uint64_t seed, std::vector<std::vector<int>> truePaths)
    : m_settings(settingsFromJson(settings)),
      m_sequences(std::move(sequences)),
      m_truePaths(std::move(truePaths)) {
  if (m_sequences.empty()) throw DataError("hmm: no training sequences");
  if (!m_truePaths.empty() && m_truePaths.size() != m_sequences.size())
    throw DataError("hmm: " + std::to_string(m_truePaths.size()) + " true paths for " +
                    std::to_string(m_sequences.size()) + " sequences");
  if (m_settings.emission == EmissionKind::Discrete && m_settings.symbols == 0) {
    int maxId = 0;
    for (const Observations& obs : m_sequences)
      for (int s : obs.symbols) maxId = std::max(maxId, s);
    m_settings.symbols = maxId + 1;
  }
  if (m_settings.init == HmmSettings::Init::Given) {
    m_model = *m_settings.model;
  } else {
    Rng rng(seed);
    m_model =
        randomModel(m_settings.emission, m_settings.states, m_settings.symbols, m_sequences, rng);
  }
  for (std::size_t s = 0; s < m_sequences.size(); ++s) {
    checkObservations(m_model, m_sequences[s], "sequence " + std::to_string(s));
    m_observations += m_sequences[s].length();
  }
  publish();
}

train::StepOutcome HmmTrainer::step(std::span<double> metrics, std::stop_token /*stop*/) {
  // One iteration is the unit of work; it is not split, so `stop` is checked by the session
  // between steps.
  const double perObs =
      m_baumWelch.iterate(m_model, m_sequences, m_steps + 1) / static_cast<double>(m_observations);
  const double delta = m_stepsSinceEdit > 0 ? perObs - m_lastPerObs : 0.0;
  metrics[0] = perObs;
  metrics[1] = delta;
  train::StepOutcome outcome;
  outcome.converged =
      (m_stepsSinceEdit > 0 && delta < m_settings.tol) || m_steps + 1 >= m_settings.maxIter;
  if (m_stepsSinceEdit > 0 && delta < 0.0 && -delta > 1e-9 * std::abs(perObs))
    outcome.messages.push_back("log-likelihood decreased by " + std::to_string(-delta) +
                               " (the variance floor bound)");
  m_lastPerObs = perObs;
  ++m_steps;
  ++m_stepsSinceEdit;
  publish();
  return outcome;
}

std::size_t HmmSnapshot::bytes() const {
  const auto matrix = [](const RowMatrix& m) {
    return static_cast<std::size_t>(m.size()) * sizeof(double);
  };
  const std::size_t k = static_cast<std::size_t>(model.states());
  const std::size_t modelBytes = (k * k + 2 * k * 8) * sizeof(double);  // a generous bound
  return sizeof(HmmSnapshot) + matrix(gamma) + matrix(alpha) + matrix(beta) +
         viterbiPath.capacity() * sizeof(int) + modelBytes +
         static_cast<std::size_t>(model.emissionProbs.size() + model.means.size() +
                                  model.variances.size()) *
             sizeof(double);
}

void HmmTrainer::publish() {
  auto snap = std::make_shared<HmmSnapshot>();
  snap->step = m_steps;
  snap->model = m_model;
  snap->sequenceIndex = m_shown;
  const auto shown = static_cast<std::size_t>(m_shown);
  if (m_shownCopyIndex != m_shown) {
    m_shownCopyIndex = m_shown;
    m_shownSequence = std::make_shared<const Observations>(m_sequences[shown]);
    m_shownTruePath = m_truePaths.empty()
                          ? nullptr
                          : std::make_shared<const std::vector<int>>(m_truePaths[shown]);
  }
  snap->sequence = m_shownSequence;
  const ForwardBackward fb = forwardBackward(m_model, snap->observations());
  snap->gamma = fb.gamma();
  snap->alpha = fb.alpha;
  snap->beta = fb.beta;
  snap->beta.array().colwise() /= fb.beta.rowwise().sum().array();
  ViterbiResult vit = viterbi(m_model, snap->observations());
  snap->viterbiPath = std::move(vit.path);
  snap->viterbiLogProb = vit.logProb;
  snap->sharedTruePath = m_shownTruePath;
  snap->logLikelihood = fb.logLikelihood;
  snap->logLikelihoodPerObservation = m_lastPerObs;
  m_snapshot = std::move(snap);
}

void HmmTrainer::applyEdit(HmmModel edited) {
  HmmModel previous = std::move(m_model);
  m_model = std::move(edited);
  try {
    publish();
  } catch (const NumericError& e) {
    m_model = std::move(previous);
    throw ConfigError(std::string("edit rejected: ") + e.what());
  }
  m_stepsSinceEdit = 0;
}

void HmmTrainer::setStart(std::span<const double> probs) {
  HmmModel m = m_model;
  m.start = normalisedRow(probs, m.states(), "start").transpose();
  applyEdit(std::move(m));
}

void HmmTrainer::setTransitionRow(Index i, std::span<const double> row) {
  checkState(i, m_model.states(), "transition");
  HmmModel m = m_model;
  m.transition.row(i) = normalisedRow(row, m.states(), "transition[" + std::to_string(i) + "]");
  applyEdit(std::move(m));
}

void HmmTrainer::setEmissionRow(Index i, std::span<const double> row) {
  if (!m_model.isDiscrete())
    throw ConfigError("emission_probs: the model has Gaussian emissions; use setStateGaussian");
  checkState(i, m_model.states(), "emission_probs");
  HmmModel m = m_model;
  m.emissionProbs.row(i) =
      normalisedRow(row, m.symbols(), "emission_probs[" + std::to_string(i) + "]");
  applyEdit(std::move(m));
}

void HmmTrainer::setStateGaussian(Index i, std::span<const double> mean,
                                  std::span<const double> variance) {
  if (m_model.isDiscrete())
    throw ConfigError("means: the model has discrete emissions; use setEmissionRow");
  checkState(i, m_model.states(), "means");
  const Index d = m_model.dim();
  std::string where = "[";  // by append: GCC 12's -Wrestrict misfires on "[" + to_string(i)
  where.append(std::to_string(i)).append("]");
  if (static_cast<Index>(mean.size()) != d || static_cast<Index>(variance.size()) != d)
    throw ConfigError("means" + where + ": mean and variance need " + std::to_string(d) +
                      " entries each");
  HmmModel m = m_model;
  for (Index c = 0; c < d; ++c) {
    const double mu = mean[static_cast<std::size_t>(c)];
    const double v = variance[static_cast<std::size_t>(c)];
    if (!std::isfinite(mu)) throw ConfigError("means" + where + ": must be finite");
    if (!std::isfinite(v) || v <= 0.0)
      throw ConfigError("variances" + where + ": must be positive and finite");
    m.means(i, c) = mu;
    m.variances(i, c) = v;
  }
  applyEdit(std::move(m));
}

void HmmTrainer::selectSequence(Index index) {
  if (index < 0 || index >= static_cast<Index>(m_sequences.size()))
    throw ConfigError("sequence: " + std::to_string(index) + " is out of range [0, " +
                      std::to_string(m_sequences.size()) + ")");
  m_shown = index;
  publish();
}

void HmmTrainer::setParam(const std::string& key, const nlohmann::json& value) {
  if (key == "tol") {
    m_settings.tol = tolFromJson(value);
  } else if (key == "max_iter") {
    m_settings.maxIter = maxIterFromJson(value);
  } else if (settings().contains(key)) {
    if (settings().at(key) != value)
      throw ConfigError("settings." + key + ": cannot be changed during a run (start a new one)");
  } else {
    throw ConfigError("settings." + key + ": unknown key for an HMM");
  }
}

nlohmann::json HmmTrainer::settings() const {
  return settingsToJson(m_settings);
}

void HmmTrainer::saveCheckpoint(const std::filesystem::path& file) const {
  nlohmann::json out = modelToJson(m_model);
  out["checkpoint"] = {{"model", "hmm"},
                       {"step", m_steps},
                       {"steps_since_edit", m_stepsSinceEdit},
                       {"last_per_observation", m_lastPerObs},
                       {"shown_sequence", m_shown},
                       {"settings", settings()}};
  train::writeJsonCheckpoint(file, out);
}

void HmmTrainer::loadCheckpoint(const std::filesystem::path& file) {
  const nlohmann::json in = train::readJsonCheckpoint(file);
  if (!in.contains("checkpoint") || !in["checkpoint"].is_object() ||
      !in["checkpoint"].contains("model") || in["checkpoint"]["model"] != "hmm") {
    throw DataError(file.string() +
                    ": not an HMM training checkpoint (no \"checkpoint\" object naming model hmm)");
  }
  try {
    const nlohmann::json& state = in["checkpoint"];
    HmmModel model = modelFromJson(in);
    if (model.emission != m_model.emission || model.states() != m_model.states() ||
        (model.isDiscrete() ? model.symbols() != m_model.symbols() : model.dim() != m_model.dim()))
      throw ConfigError("model: its shape does not fit this lesson's data and settings");
    for (std::size_t s = 0; s < m_sequences.size(); ++s)
      checkObservations(model, m_sequences[s], "sequence " + std::to_string(s));
    HmmSettings settings = settingsFromJson(state.at("settings"));
    // get<T>() would cast 1e300 to an integer: undefined behaviour.
    const auto steps = data::readInteger<std::int64_t>(state.at("step"), "checkpoint.step");
    const auto sinceEdit = data::readInteger<std::int64_t>(state.at("steps_since_edit"),
                                                           "checkpoint.steps_since_edit");
    const double lastPerObs = state.at("last_per_observation").get<double>();
    const auto shown =
        data::readInteger<Index>(state.at("shown_sequence"), "checkpoint.shown_sequence");
    if (steps < 0 || sinceEdit < 0 || sinceEdit > steps)
      throw ConfigError("checkpoint.step: inconsistent step counts");
    if (shown < 0 || shown >= static_cast<Index>(m_sequences.size()))
      throw ConfigError("checkpoint.shown_sequence: out of range");

    HmmModel previous = std::move(m_model);
    m_model = std::move(model);
    const Index previousShown = m_shown;
    m_shown = shown;
    try {
      publish();
    } catch (...) {
      m_model = std::move(previous);
      m_shown = previousShown;
      throw;
    }
    m_settings = std::move(settings);
    m_steps = steps;
    m_stepsSinceEdit = sinceEdit;
    m_lastPerObs = lastPerObs;
  } catch (const std::exception& error) {
    throw DataError(file.string() + ": " + error.what());
  }
  publish();  // the snapshot shows the restored last metric too
}

}  // namespace genlab::hmm
