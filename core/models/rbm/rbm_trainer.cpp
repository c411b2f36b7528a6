#include "core/models/rbm/rbm_trainer.h"

#include <algorithm>
#include <cmath>

#include "core/data/binary_images.h"
#include "core/data/json_fields.h"
#include "core/models/rbm/binary_split.h"
#include "core/models/rbm/rbm_evaluation.h"
#include "core/train/json_checkpoint.h"
#include "core/util/errors.h"
#include "core/util/non_finite.h"

namespace genlab::rbm {

using Eigen::Index;
using Eigen::MatrixXd;
using nlohmann::json;

namespace {

constexpr int kShownPairs = 8;
constexpr std::int64_t kLastEarlyEvaluation = 64;

// Streams of the seed for the initial weights and for the dreaming chains' start.
constexpr std::uint64_t kWeightsStream = 0xA0761D6478BD642FULL;
constexpr std::uint64_t kReinitStream = 0x9E3779B97F4A7C15ULL;

std::vector<float> asFloats(const MatrixXd& rowsOfImages) {
  std::vector<float> out(static_cast<std::size_t>(rowsOfImages.size()));
  std::size_t k = 0;
  for (Index r = 0; r < rowsOfImages.rows(); ++r) {
    for (Index c = 0; c < rowsOfImages.cols(); ++c)
      out[k++] = static_cast<float>(rowsOfImages(r, c));
  }
  return out;
}

}  // namespace

RbmTrainer::RbmTrainer(const RbmConfig& config, data::ImageSplit split, std::uint64_t seed)
    : m_config(config), m_seed(seed), m_rng(seed) {
  BinaryRows rows = binaryRowsOf(split, "an RBM");
  m_height = split.train.height;
  m_width = split.train.width;
  m_train = std::move(rows.train);
  m_test = std::move(rows.test);
  m_shown = m_test.topRows(std::min<Index>(kShownPairs, m_test.rows()));
  initialiseModel(seed ^ kWeightsStream);
  resetDreams();
  evaluate();
  publish();
}

std::vector<std::string> RbmTrainer::metricNames() const {
  return {"log_likelihood",     "log_likelihood_se",    "pseudo_likelihood", "free_energy_data",
          "free_energy_chains", "reconstruction_error", "log_partition"};
}

void RbmTrainer::initialiseModel(std::uint64_t seed) {
  m_rbm = Rbm::random(m_train.cols(), m_config.hidden, seed, m_config.initStddev);
  m_learner = std::make_unique<ContrastiveDivergence>(m_config.learning, m_train.cols(),
                                                      m_config.hidden, m_config.batch);
}

void RbmTrainer::resetDreams() {
  // Fair-coin noise: the class watches digits condense out of it.
  m_dreams.resize(m_config.chains, m_train.cols());
  for (Index r = 0; r < m_dreams.rows(); ++r) {
    for (Index c = 0; c < m_dreams.cols(); ++c) m_dreams(r, c) = m_rng.uniform() < 0.5 ? 1.0 : 0.0;
  }
  m_dreamProbabilities = m_dreams;
}

train::StepOutcome RbmTrainer::step(std::span<double> metrics, std::stop_token /*stop*/) {
  if (m_position >= static_cast<Index>(m_order.size())) {
    m_order.resize(static_cast<std::size_t>(m_train.rows()));
    for (std::size_t i = 0; i < m_order.size(); ++i) m_order[i] = static_cast<Index>(i);
    for (std::size_t i = m_order.size(); i > 1; --i) {
      std::swap(m_order[i - 1], m_order[static_cast<std::size_t>(m_rng.below(i))]);
    }
    m_position = 0;
    ++m_epoch;
  }
  const Index rows =
      std::min<Index>(m_config.batch, static_cast<Index>(m_order.size()) - m_position);
  MatrixXd batch(rows, m_train.cols());
  for (Index r = 0; r < rows; ++r)
    batch.row(r) = m_train.row(m_order[static_cast<std::size_t>(m_position + r)]);

  Rbm updated = m_rbm;
  ContrastiveDivergence learner = *m_learner;
  learner.update(updated, batch, uniformsFrom(m_rng));
  if (!updated.weights.allFinite() || !updated.visibleBias.allFinite() ||
      !updated.hiddenBias.allFinite()) {
    throw NonFiniteError("RBM weights", m_steps + 1, NAN, std::string(kStepNotApplied));
  }
  m_rbm = std::move(updated);
  *m_learner = std::move(learner);
  m_position += rows;
  ++m_steps;

  // The batch's mean-field reconstruction error under the updated weights: p(v | p(h | x)).
  const MatrixXd recon = visibleProbabilities(m_rbm, hiddenProbabilities(m_rbm, batch));
  m_reconstructionError = (recon - batch).squaredNorm() / static_cast<double>(batch.size());

  m_dreamProbabilities = gibbsSweeps(m_rbm, m_dreams, 1, uniformsFrom(m_rng));

  const bool early = m_steps <= kLastEarlyEvaluation && m_steps < m_config.evalEvery &&
                     (m_steps & (m_steps - 1)) == 0;
  if (early || m_steps % m_config.evalEvery == 0) evaluate();
  publish();

  const auto* snap = static_cast<const RbmSnapshot*>(m_snapshot.get());
  const double values[] = {m_evaluation.logLikelihood,    m_evaluation.standardError,
                           m_evaluation.pseudoLikelihood, snap->freeEnergyData,
                           snap->freeEnergyChains,        m_reconstructionError,
                           m_evaluation.logPartition};
  std::copy_n(values, std::min(metrics.size(), std::size(values)), metrics.begin());
  return {};
}

void RbmTrainer::evaluate() {
  AisSettings ais;
  ais.runs = m_config.aisRuns;
  ais.betas = m_config.aisBetas;
  ais.seed = m_seed + static_cast<std::uint64_t>(m_steps);
  ais.threads = m_threads;
  const PartitionEstimate z = estimateLogPartition(m_rbm, m_train, ais);
  const DataScore score = scoreData(m_rbm, m_test, z.logPartition);
  m_evaluation = {.evaluated = true,
                  .step = m_steps,
                  .logPartition = z.logPartition,
                  .exact = z.exact,
                  .standardError = z.standardError,
                  .logLikelihood = score.logLikelihood,
                  .pseudoLikelihood = score.pseudoLikelihood};
}

void RbmTrainer::publish() {
  auto snap = std::make_shared<RbmSnapshot>();
  snap->step = m_steps;
  snap->config = m_config;
  snap->height = m_height;
  snap->width = m_width;
  snap->visible = static_cast<int>(m_rbm.visible());
  snap->hidden = static_cast<int>(m_rbm.hidden());
  snap->epoch = m_epoch;
  snap->filters = asFloats(m_rbm.weights.transpose());
  snap->filterScale = static_cast<float>(std::max(1e-12, m_rbm.weights.cwiseAbs().maxCoeff()));
  snap->dreams = asFloats(m_dreamProbabilities);
  snap->dreamCount = static_cast<int>(m_dreams.rows());
  const MatrixXd shownHidden = hiddenProbabilities(m_rbm, m_shown);
  snap->shownHidden = asFloats(shownHidden);
  const MatrixXd recon = visibleProbabilities(m_rbm, shownHidden);
  for (Index r = 0; r < m_shown.rows(); ++r) {
    const std::vector<float> image = asFloats(m_shown.row(r));
    const std::vector<float> back = asFloats(recon.row(r));
    snap->reconstructionPairs.insert(snap->reconstructionPairs.end(), image.begin(), image.end());
    snap->reconstructionPairs.insert(snap->reconstructionPairs.end(), back.begin(), back.end());
  }
  snap->pairCount = static_cast<int>(m_shown.rows());
  snap->freeEnergyData = freeEnergy(m_rbm, m_test).mean();
  snap->freeEnergyChains = freeEnergy(m_rbm, m_dreams).mean();
  snap->reconstructionError = m_reconstructionError;
  snap->evaluation = m_evaluation;
  m_snapshot = std::move(snap);
}

void RbmTrainer::setParam(const std::string& key, const json& value) {
  json settings = m_config.toJson();
  settings[key] = value;
  const RbmConfig updated = RbmConfig::fromJson(settings);
  const RbmConfig old = m_config;
  m_config = updated;
  if (updated.hidden != old.hidden || updated.initStddev != old.initStddev) {
    initialiseModel(m_seed ^ kWeightsStream ^ (kReinitStream * ++m_reinitCount));
  } else if (updated.batch != old.batch) {
    m_learner = std::make_unique<ContrastiveDivergence>(updated.learning, m_rbm.visible(),
                                                        m_rbm.hidden(), updated.batch);
  } else {
    m_learner->setSettings(updated.learning);
  }
  if (updated.chains != old.chains) resetDreams();
  publish();
}

void RbmTrainer::saveCheckpoint(const std::filesystem::path& file) const {
  json order = json::array();
  for (const Index i : m_order) order.push_back(i);
  const json out = {{"model", "rbm"},
                    {"step", m_steps},
                    {"epoch", m_epoch},
                    {"settings", m_config.toJson()},
                    {"rbm", toJson(m_rbm)},
                    {"velocity", toJson(m_learner->velocity())},
                    {"chains", data::toJson(m_learner->chains())},
                    {"dreams", data::toJson(m_dreams)},
                    {"rng", m_rng.state()},
                    {"order", order},
                    {"position", m_position},
                    {"reinit_count", m_reinitCount},
                    {"evaluation",
                     {{"step", m_evaluation.step},
                      {"log_partition", m_evaluation.logPartition},
                      {"exact", m_evaluation.exact},
                      {"standard_error", m_evaluation.standardError},
                      {"log_likelihood", m_evaluation.logLikelihood},
                      {"pseudo_likelihood", m_evaluation.pseudoLikelihood}}}};
  train::writeJsonCheckpoint(file, out);
}

void RbmTrainer::loadCheckpoint(const std::filesystem::path& file) {
  const json in = train::readJsonCheckpoint(file);
  const json named = in.contains("model") ? in["model"] : json("?");
  if (named != "rbm") {
    throw DataError(file.string() + ": a checkpoint of model " + named.dump() + ", not of an RBM");
  }
  try {
    const RbmConfig config = RbmConfig::fromJson(in.at("settings"));
    Rbm rbm = rbmFromJson(in.at("rbm"));
    if (rbm.visible() != m_train.cols() || rbm.hidden() != config.hidden) {
      throw ConfigError("rbm: " + std::to_string(rbm.visible()) + " x " +
                        std::to_string(rbm.hidden()) + " weights, expected " +
                        std::to_string(m_train.cols()) + " x " + std::to_string(config.hidden));
    }
    Rbm velocity = rbmFromJson(in.at("velocity"));
    MatrixXd chains = data::readMatrix(in.at("chains"), "chains", config.batch, rbm.hidden());
    MatrixXd dreams = data::readMatrix(in.at("dreams"), "dreams", config.chains, rbm.visible());
    Rng rng;
    if (!rng.setState(data::readString(in.at("rng"), "rng"))) throw ConfigError("rng: malformed");
    std::vector<Index> order;
    for (const json& i : in.at("order")) {
      order.push_back(static_cast<Index>(data::readInt(i, "order", 0, m_train.rows() - 1)));
    }
    const auto position = static_cast<Index>(
        data::readInt(in.at("position"), "position", 0, static_cast<long long>(order.size())));
    const auto steps = data::readInteger<std::int64_t>(in.at("step"), "step");
    const auto epoch = data::readInteger<std::int64_t>(in.at("epoch"), "epoch");
    const auto reinit = data::readInteger<std::uint64_t>(in.at("reinit_count"), "reinit_count");
    const json& e = in.at("evaluation");
    const RbmEvaluation evaluation{
        .evaluated = true,
        .step = data::readInteger<std::int64_t>(e.at("step"), "evaluation.step"),
        .logPartition = data::readDouble(e.at("log_partition"), "evaluation.log_partition",
                                         -HUGE_VAL, HUGE_VAL),
        .exact = data::readBool(e.at("exact"), "evaluation.exact"),
        .standardError = data::readDouble(e.at("standard_error"), "evaluation.standard_error",
                                          -HUGE_VAL, HUGE_VAL),
        .logLikelihood = data::readDouble(e.at("log_likelihood"), "evaluation.log_likelihood",
                                          -HUGE_VAL, HUGE_VAL),
        .pseudoLikelihood = data::readDouble(e.at("pseudo_likelihood"),
                                             "evaluation.pseudo_likelihood", -HUGE_VAL, HUGE_VAL)};
    if (velocity.visible() != rbm.visible() || velocity.hidden() != rbm.hidden()) {
      throw ConfigError("velocity: shape differs from rbm's");
    }
    // Nothing above changed the trainer; from here on nothing throws.
    m_config = config;
    m_rbm = std::move(rbm);
    m_learner = std::make_unique<ContrastiveDivergence>(config.learning, m_rbm.visible(),
                                                        m_rbm.hidden(), config.batch);
    m_learner->setVelocity(std::move(velocity));
    m_learner->setChains(std::move(chains));
    m_dreams = std::move(dreams);
    m_dreamProbabilities = m_dreams;
    m_rng = rng;
    m_order = std::move(order);
    m_position = position;
    m_steps = steps;
    m_epoch = epoch;
    m_reinitCount = reinit;
    m_evaluation = evaluation;
  } catch (const std::exception& error) {
    throw DataError(file.string() + ": " + error.what());
  }
  publish();
}

}  // namespace genlab::rbm
