#include "core/models/dbm/dbm_trainer.h"

#include <algorithm>
#include <cmath>

#include "core/data/binary_images.h"
#include "core/data/json_fields.h"
#include "core/models/dbm/dbm_pretraining.h"
#include "core/models/rbm/binary_split.h"
#include "core/train/json_checkpoint.h"
#include "core/util/errors.h"
#include "core/util/non_finite.h"

namespace genlab::dbm {

using Eigen::Index;
using Eigen::MatrixXd;
using nlohmann::json;

namespace {

constexpr int kShownImages = 8;
constexpr std::int64_t kLastEarlyEvaluation = 64;
constexpr std::uint64_t kWeightsStream = 0xA0761D6478BD642FULL;
constexpr std::uint64_t kReinitStream = 0x9E3779B97F4A7C15ULL;

// Row after row, as float: images (and filters) in ImageTiles' layout.
std::vector<float> rowMajorFloats(const MatrixXd& m) {
  using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const RowMajor f = m.cast<float>();
  return {f.data(), f.data() + f.size()};
}

bool allFinite(const Dbm& dbm) {
  return dbm.stacked.weights.allFinite() && dbm.stacked.visibleBias.allFinite() &&
         dbm.stacked.hiddenBias.allFinite();
}

json learnerJson(const rbm::ContrastiveDivergence& learner) {
  return {{"velocity", rbm::toJson(learner.velocity())},
          {"chains", data::toJson(learner.chains())}};
}

void loadLearner(rbm::ContrastiveDivergence& learner, const json& in, const std::string& what,
                 Index visible, Index hidden, Index chains) {
  rbm::Rbm velocity = rbm::rbmFromJson(in.at("velocity"));
  if (velocity.visible() != visible || velocity.hidden() != hidden) {
    throw ConfigError(what + ".velocity: " + std::to_string(velocity.visible()) + " x " +
                      std::to_string(velocity.hidden()) + ", expected " + std::to_string(visible) +
                      " x " + std::to_string(hidden));
  }
  learner.setVelocity(std::move(velocity));
  learner.setChains(data::readMatrix(in.at("chains"), what + ".chains", chains, hidden));
}

json evaluationJson(const DbmEvaluation& e) {
  const LikelihoodScore& s = e.score;
  return {{"step", e.step},
          {"log_partition", s.logPartition},
          {"partition_exact", s.partitionExact},
          {"standard_error", s.standardError},
          {"kind", static_cast<int>(s.kind)},
          {"log_likelihood", s.logLikelihood},
          {"mean_field_bound", s.meanFieldBound},
          {"mean_field_iterations", s.meanFieldIterations}};
}

DbmEvaluation evaluationFromJson(const json& e) {
  const auto real = [&](const char* key) {
    return data::readDouble(e.at(key), std::string("evaluation.") + key, -HUGE_VAL, HUGE_VAL);
  };
  DbmEvaluation out;
  out.evaluated = true;
  out.step = data::readInteger<std::int64_t>(e.at("step"), "evaluation.step");
  out.score.logPartition = real("log_partition");
  out.score.partitionExact = data::readBool(e.at("partition_exact"), "evaluation.partition_exact");
  out.score.standardError = real("standard_error");
  out.score.kind = static_cast<FigureKind>(data::readInt(e.at("kind"), "evaluation.kind", 0, 3));
  out.score.logLikelihood = real("log_likelihood");
  out.score.meanFieldBound = real("mean_field_bound");
  out.score.meanFieldIterations = static_cast<int>(
      data::readInt(e.at("mean_field_iterations"), "evaluation.mean_field_iterations", 0, 1000000));
  return out;
}

}  // namespace

const char* describe(Phase phase) {
  switch (phase) {
    case Phase::GreedyFirst:
      return "greedy pretraining, RBM 1 (v - h1)";
    case Phase::GreedySecond:
      return "greedy pretraining, RBM 2 (h1 - h2)";
    case Phase::Joint:
      return "joint training (mean field + persistent chains)";
  }
  return "";
}

DbmTrainer::DbmTrainer(const DbmConfig& config, data::ImageSplit split, std::uint64_t seed)
    : m_config(config), m_seed(seed), m_rng(seed) {
  rbm::BinaryRows rows = rbm::binaryRowsOf(split, "a DBM");
  m_height = split.train.height;
  m_width = split.train.width;
  m_train = std::move(rows.train);
  m_test = std::move(rows.test);
  m_shown = m_test.topRows(std::min<Index>(kShownImages, m_test.rows()));
  initialiseModel(seed ^ kWeightsStream);
  resetDreams();
  evaluate();
  publish();
}

std::vector<std::string> DbmTrainer::metricNames() const {
  return {"log_likelihood", "log_likelihood_se",    "mean_field_bound",
          "log_partition",  "reconstruction_error", "phase"};
}

void DbmTrainer::initialiseModel(std::uint64_t seed) {
  const Index v = m_train.cols();
  m_first = rbm::Rbm::random(v, m_config.hidden1, seed, m_config.initStddev);
  m_second = rbm::Rbm::random(m_config.hidden1, m_config.hidden2, seed ^ kReinitStream,
                              m_config.initStddev);
  m_firstLearner = std::make_unique<rbm::ContrastiveDivergence>(m_config.pretraining(), v,
                                                                m_config.hidden1, m_config.batch);
  m_secondLearner = std::make_unique<rbm::ContrastiveDivergence>(
      m_config.pretraining(), m_config.hidden1, m_config.hidden2, m_config.batch);
  m_joint.reset();
  m_layer2.resize(0, 0);
  m_dbm = composeGreedy(m_first, m_second);
  m_phase = Phase::GreedyFirst;
  m_phaseEpochs = 0;
  m_position = 0;
  m_order.clear();
  if (m_config.pretrainEpochs == 0) startPhase(Phase::Joint);
}

void DbmTrainer::startPhase(Phase phase) {
  m_phase = phase;
  m_phaseEpochs = 0;
  if (phase == Phase::GreedySecond) m_layer2 = secondLayerData(m_first, m_train);
  if (phase == Phase::Joint) {
    m_layer2.resize(0, 0);
    m_joint = std::make_unique<JointTraining>(
        m_config.learning, MeanFieldSettings{.maxIterations = m_config.meanFieldIterations}, m_dbm,
        m_config.batch);
  }
}

void DbmTrainer::resetDreams() {
  // Fair-coin (v, h2): the class watches digits condense out of noise.
  m_dreams.resize(m_config.chains, m_dbm.stacked.visible());
  for (Index r = 0; r < m_dreams.rows(); ++r) {
    for (Index c = 0; c < m_dreams.cols(); ++c) m_dreams(r, c) = m_rng.uniform() < 0.5 ? 1.0 : 0.0;
  }
  m_dreamProbabilities = m_dreams.leftCols(m_dbm.visible());
}

void DbmTrainer::nextBatch(MatrixXd& batch, const MatrixXd& source) {
  const Index rows =
      std::min<Index>(m_config.batch, static_cast<Index>(m_order.size()) - m_position);
  batch.resize(rows, source.cols());
  for (Index r = 0; r < rows; ++r)
    batch.row(r) = source.row(m_order[static_cast<std::size_t>(m_position + r)]);
  m_position += rows;
}

train::StepOutcome DbmTrainer::step(std::span<double> metrics, std::stop_token /*stop*/) {
  train::StepOutcome outcome;
  bool phaseBegan = false;
  if (m_position >= static_cast<Index>(m_order.size())) {
    if (m_phase != Phase::Joint && m_phaseEpochs >= m_config.pretrainEpochs) {
      startPhase(m_phase == Phase::GreedyFirst ? Phase::GreedySecond : Phase::Joint);
      outcome.messages.push_back(std::string("now: ") + describe(m_phase));
      phaseBegan = true;
    }
    m_order = shuffledOrder(m_train.rows(), m_rng);
    m_position = 0;
    ++m_epoch;
    ++m_phaseEpochs;
  }
  const Index start = m_position;
  MatrixXd batch;
  Dbm updated = m_dbm;
  const auto uniforms = rbm::uniformsFrom(m_rng);
  // Every update works on copies, so a non-finite one is not applied.
  bool finite = false;
  if (m_phase != Phase::Joint) {
    const bool firstLayer = m_phase == Phase::GreedyFirst;
    nextBatch(batch, firstLayer ? m_train : m_layer2);
    rbm::Rbm layer = firstLayer ? m_first : m_second;
    rbm::ContrastiveDivergence learner = firstLayer ? *m_firstLearner : *m_secondLearner;
    learner.update(layer, batch, uniforms);
    updated = firstLayer ? composeGreedy(layer, m_second) : composeGreedy(m_first, layer);
    finite = allFinite(updated);
    if (finite) {
      (firstLayer ? m_first : m_second) = std::move(layer);
      *(firstLayer ? m_firstLearner : m_secondLearner) = std::move(learner);
    }
  } else {
    nextBatch(batch, m_train);
    JointTraining joint = *m_joint;
    joint.update(updated, batch, uniforms);
    finite = allFinite(updated);
    if (finite) *m_joint = std::move(joint);
  }
  if (!finite) {
    m_position = start;
    throw NonFiniteError("DBM weights", m_steps + 1, NAN, std::string(kStepNotApplied));
  }
  m_dbm = std::move(updated);
  ++m_steps;

  // The images' mean-field reconstruction error under the updated weights: p(v | mu1).
  // (RBM 2's batches are p(h1 | v), not images: the last error stays.)
  if (m_phase != Phase::GreedySecond) {
    const MatrixXd& images = batch;
    const MeanField q = meanField(m_dbm, images, {.maxIterations = m_config.meanFieldIterations});
    m_reconstructionError = (visibleProbabilities(m_dbm, q.mu1) - images).squaredNorm() /
                            static_cast<double>(images.size());
  }
  const MatrixXd dreamP = rbm::gibbsSweeps(m_dbm.stacked, m_dreams, 1, uniforms);
  m_dreamProbabilities = dreamP.leftCols(m_dbm.visible());

  const bool early = m_steps <= kLastEarlyEvaluation && m_steps < m_config.evalEvery &&
                     (m_steps & (m_steps - 1)) == 0;
  if (early || phaseBegan || m_steps % m_config.evalEvery == 0) evaluate();
  publish();

  const LikelihoodScore& s = m_evaluation.score;
  const double values[] = {s.logLikelihood, s.standardError,       s.meanFieldBound,
                           s.logPartition,  m_reconstructionError, static_cast<double>(m_phase)};
  std::copy_n(values, std::min(metrics.size(), std::size(values)), metrics.begin());
  return outcome;
}

void DbmTrainer::evaluate() {
  LikelihoodSettings settings;
  settings.ais.runs = m_config.aisRuns;
  settings.ais.betas = m_config.aisBetas;
  settings.ais.seed = m_seed + static_cast<std::uint64_t>(m_steps);
  settings.ais.threads = m_threads;
  settings.meanField.maxIterations = std::max(m_config.meanFieldIterations, 30);
  m_evaluation = {.evaluated = true,
                  .step = m_steps,
                  .score = scoreLikelihood(m_dbm, m_test, m_train, settings)};
}

void DbmTrainer::publish() {
  auto snap = std::make_shared<DbmSnapshot>();
  snap->step = m_steps;
  snap->dbmConfig = m_config;
  snap->config.hidden = m_config.hidden1;
  snap->config.learning = m_config.learning;
  snap->config.batch = m_config.batch;
  snap->config.chains = m_config.chains;
  snap->height = m_height;
  snap->width = m_width;
  snap->visible = static_cast<int>(m_dbm.visible());
  snap->hidden = static_cast<int>(m_dbm.hidden1());
  snap->hidden2 = static_cast<int>(m_dbm.hidden2());
  snap->epoch = m_epoch;
  snap->phase = m_phase;
  const MatrixXd w1 = m_dbm.w1();
  snap->filters = rowMajorFloats(w1.transpose());
  snap->filterScale = static_cast<float>(std::max(1e-12, w1.cwiseAbs().maxCoeff()));
  const MatrixXd second = w1 * m_dbm.w2();
  snap->secondFilters = rowMajorFloats(second.transpose());
  snap->secondFilterScale = static_cast<float>(std::max(1e-12, second.cwiseAbs().maxCoeff()));
  snap->dreams = rowMajorFloats(m_dreamProbabilities);
  snap->dreamCount = static_cast<int>(m_dreams.rows());
  const MeanField q = meanField(m_dbm, m_shown, {.maxIterations = m_config.meanFieldIterations});
  snap->shownHidden = rowMajorFloats(q.mu1);
  snap->shownHidden2 = rowMajorFloats(q.mu2);
  const MatrixXd recon = visibleProbabilities(m_dbm, q.mu1);
  for (Index r = 0; r < m_shown.rows(); ++r) {
    const std::vector<float> image = rowMajorFloats(m_shown.row(r));
    const std::vector<float> back = rowMajorFloats(recon.row(r));
    snap->reconstructionPairs.insert(snap->reconstructionPairs.end(), image.begin(), image.end());
    snap->reconstructionPairs.insert(snap->reconstructionPairs.end(), back.begin(), back.end());
  }
  snap->pairCount = static_cast<int>(m_shown.rows());
  snap->reconstructionError = m_reconstructionError;
  snap->dbmEvaluation = m_evaluation;
  m_snapshot = std::move(snap);
}

void DbmTrainer::setParam(const std::string& key, const json& value) {
  json settings = m_config.toJson();
  settings[key] = value;
  const DbmConfig updated = DbmConfig::fromJson(settings);
  const DbmConfig old = m_config;
  m_config = updated;
  if (updated.hidden1 != old.hidden1 || updated.hidden2 != old.hidden2 ||
      updated.pretrainEpochs != old.pretrainEpochs || updated.batch != old.batch ||
      updated.initStddev != old.initStddev) {
    initialiseModel(m_seed ^ kWeightsStream ^ (kReinitStream * ++m_reinitCount));
    resetDreams();
  } else {
    m_firstLearner->setSettings(updated.pretraining());
    m_secondLearner->setSettings(updated.pretraining());
    if (m_joint) {
      m_joint->setSettings(updated.learning,
                           MeanFieldSettings{.maxIterations = updated.meanFieldIterations});
    }
    if (updated.chains != old.chains) resetDreams();
  }
  publish();
}

void DbmTrainer::saveCheckpoint(const std::filesystem::path& file) const {
  json order = json::array();
  for (const Index i : m_order) order.push_back(i);
  json out = {{"model", "dbm"},
              {"step", m_steps},
              {"epoch", m_epoch},
              {"phase", static_cast<int>(m_phase)},
              {"phase_epochs", m_phaseEpochs},
              {"settings", m_config.toJson()},
              {"dbm", toJson(m_dbm)},
              {"rbm1", rbm::toJson(m_first)},
              {"rbm2", rbm::toJson(m_second)},
              {"learner1", learnerJson(*m_firstLearner)},
              {"learner2", learnerJson(*m_secondLearner)},
              {"dreams", data::toJson(m_dreams)},
              {"rng", m_rng.state()},
              {"order", order},
              {"position", m_position},
              {"reinit_count", m_reinitCount},
              {"reconstruction_error", m_reconstructionError},
              {"evaluation", evaluationJson(m_evaluation)}};
  if (m_joint) out["joint"] = learnerJson(m_joint->learner());
  train::writeJsonCheckpoint(file, out);
}

void DbmTrainer::loadCheckpoint(const std::filesystem::path& file) {
  const json in = train::readJsonCheckpoint(file);
  const json named = in.contains("model") ? in["model"] : json("?");
  if (named != "dbm") {
    throw DataError(file.string() + ": a checkpoint of model " + named.dump() + ", not of a DBM");
  }
  try {
    const DbmConfig config = DbmConfig::fromJson(in.at("settings"));
    const Index v = m_train.cols();
    const Index h1 = config.hidden1;
    const Index h2 = config.hidden2;
    Dbm dbm = dbmFromJson(in.at("dbm"));
    if (dbm.visible() != v || dbm.hidden1() != h1 || dbm.hidden2() != h2) {
      throw ConfigError("dbm: shape differs from the settings' and the data's");
    }
    rbm::Rbm first = rbm::rbmFromJson(in.at("rbm1"));
    rbm::Rbm second = rbm::rbmFromJson(in.at("rbm2"));
    if (first.visible() != v || first.hidden() != h1 || second.visible() != h1 ||
        second.hidden() != h2) {
      throw ConfigError("rbm1, rbm2: shapes differ from the settings' and the data's");
    }
    auto firstLearner =
        std::make_unique<rbm::ContrastiveDivergence>(config.pretraining(), v, h1, config.batch);
    loadLearner(*firstLearner, in.at("learner1"), "learner1", v, h1, config.batch);
    auto secondLearner =
        std::make_unique<rbm::ContrastiveDivergence>(config.pretraining(), h1, h2, config.batch);
    loadLearner(*secondLearner, in.at("learner2"), "learner2", h1, h2, config.batch);
    const auto phase = static_cast<Phase>(data::readInt(in.at("phase"), "phase", 0, 2));
    std::unique_ptr<JointTraining> joint;
    if (phase == Phase::Joint) {
      joint = std::make_unique<JointTraining>(
          config.learning, MeanFieldSettings{.maxIterations = config.meanFieldIterations}, dbm,
          config.batch);
      loadLearner(joint->learner(), in.at("joint"), "joint", v + h2, h1, config.batch);
    }
    MatrixXd dreams = data::readMatrix(in.at("dreams"), "dreams", config.chains, v + h2);
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
    const auto phaseEpochs = data::readInteger<std::int64_t>(in.at("phase_epochs"), "phase_epochs");
    const auto reinit = data::readInteger<std::uint64_t>(in.at("reinit_count"), "reinit_count");
    const double reconstruction =
        data::readDouble(in.at("reconstruction_error"), "reconstruction_error", 0.0, HUGE_VAL);
    const DbmEvaluation evaluation = evaluationFromJson(in.at("evaluation"));
    // Nothing above changed the trainer; from here on nothing throws.
    m_config = config;
    m_dbm = std::move(dbm);
    m_first = std::move(first);
    m_second = std::move(second);
    m_firstLearner = std::move(firstLearner);
    m_secondLearner = std::move(secondLearner);
    m_joint = std::move(joint);
    m_phase = phase;
    m_phaseEpochs = phaseEpochs;
    m_layer2 = phase == Phase::GreedySecond ? secondLayerData(m_first, m_train) : MatrixXd();
    m_dreams = std::move(dreams);
    m_dreamProbabilities = m_dreams.leftCols(v);
    m_rng = rng;
    m_order = std::move(order);
    m_position = position;
    m_steps = steps;
    m_epoch = epoch;
    m_reinitCount = reinit;
    m_reconstructionError = reconstruction;
    m_evaluation = evaluation;
  } catch (const std::exception& error) {
    throw DataError(file.string() + ": " + error.what());
  }
  publish();
}

}  // namespace genlab::dbm
