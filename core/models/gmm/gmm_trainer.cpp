#include "core/models/gmm/gmm_trainer.h"

#include <cmath>
#include <fstream>
#include <string>

#include "core/data/json_fields.h"
#include "core/models/gmm/best_of_starts.h"
#include "core/train/json_checkpoint.h"
#include "core/util/errors.h"

namespace genlab::gmm {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;
using nlohmann::json;

namespace {

void checkLabels(const std::vector<int>& labels, Index rows) {
  if (!labels.empty() && static_cast<Index>(labels.size()) != rows) {
    throw DataError("data: " + std::to_string(labels.size()) + " labels for " +
                    std::to_string(rows) + " points");
  }
}

}  // namespace

GmmTrainer::GmmTrainer(const GmmConfig& config, MatrixXd data, std::uint64_t seed,
                       std::vector<int> trueLabels)
    : m_seed(seed), m_data(std::move(data)), m_model(config, m_data, seed) {
  checkLabels(trueLabels, m_data.rows());
  refreshDisplay(std::move(trueLabels), /*newProjection=*/true);
  publish();
}

train::StepOutcome GmmTrainer::step(std::span<double> metrics, std::stop_token /*stop*/) {
  // One EM iteration is short (two passes over the data); it is not interrupted midway.
  const GaussianMixture::Iteration it = m_model.iterate(m_steps + 1);
  ++m_steps;
  m_lastDelta = it.delta;
  if (metrics.size() >= 2) {
    metrics[0] = it.meanLogLikelihood;
    metrics[1] = it.delta;
  }
  train::StepOutcome outcome;
  outcome.converged = it.converged || m_model.iterations() >= m_model.config().maxIter;
  outcome.messages = it.messages;
  if (!it.converged && m_model.iterations() >= m_model.config().maxIter) {
    outcome.messages.push_back("reached max_iter (" + std::to_string(m_model.config().maxIter) +
                               ") before converging");
  }
  publish(outcome.messages);
  return outcome;
}

void GmmTrainer::setParam(const std::string& key, const json& value) {
  json settings = m_model.config().toJson();
  settings[key] = value;
  const GmmConfig updated = GmmConfig::fromJson(settings);
  const GmmConfig& current = m_model.config();
  const bool sameMeans = updated.initialMeans.rows() == current.initialMeans.rows() &&
                         updated.initialMeans.cols() == current.initialMeans.cols() &&
                         updated.initialMeans == current.initialMeans;
  if (updated.k == current.k && updated.covariance == current.covariance &&
      updated.init == current.init && sameMeans) {
    m_model.setTrainingSettings(updated);
  } else {
    updated.validateForDimension(m_data.cols());
    // A fresh model; its seed depends only on the original seed and how many re-inits came
    // before, so a recorded sequence of commands replays exactly.
    GaussianMixture fresh(updated, m_data, m_seed + 0x9E3779B97F4A7C15ULL * ++m_reinitCount);
    fresh.setThreads(m_threads);
    m_model = std::move(fresh);
  }
  publish();
}

void GmmTrainer::saveCheckpoint(const std::filesystem::path& file) const {
  json covariances = json::array();
  for (const auto& c : m_model.covariances()) covariances.push_back(data::toJson(c));
  // The public parameters are for people and other programs; "exact" is what a resume loads.
  json out = {{"model", "gmm"},
              {"step", m_steps},
              {"settings", m_model.config().toJson()},
              {"weights", data::toJson(m_model.weights())},
              {"means", data::toJson(m_model.means())},
              {"covariances", covariances},
              {"mean_log_likelihood", m_model.meanLogLikelihood()},
              {"iteration", m_model.iterations()},
              {"converged", m_model.converged()},
              {"exact", m_model.exactState()},
              {"reinit_count", m_reinitCount},
              {"last_delta", m_lastDelta}};
  // Data edited by hand cannot be regenerated from the lesson: it travels with the model.
  if (m_dataEdited) {
    out["data"] = data::toJson(m_data);
    out["labels"] = m_labels ? json(*m_labels) : json::array();
  }
  train::writeJsonCheckpoint(file, out);
}

void GmmTrainer::loadCheckpoint(const std::filesystem::path& file) {
  const json in = train::readJsonCheckpoint(file);
  const nlohmann::json named = in.contains("model") ? in["model"] : nlohmann::json("?");
  if (named != "gmm") {
    throw DataError(file.string() + ": a checkpoint of model " + named.dump() + ", not of a GMM");
  }
  try {
    const GmmConfig config = GmmConfig::fromJson(in.at("settings"));
    const bool edited = in.contains("data");
    MatrixXd data = edited ? data::readMatrix(in.at("data"), "data") : m_data;
    std::vector<int> labels = m_labels ? *m_labels : std::vector<int>{};
    if (edited) {
      const json& list = in.at("labels");
      if (!list.is_array()) throw ConfigError("labels: expected an array of integers");
      labels.clear();
      for (std::size_t i = 0; i < list.size(); ++i)
        labels.push_back(data::readInteger<int>(list[i], "labels[" + std::to_string(i) + "]"));
    }
    if (data.cols() != m_data.cols()) {
      throw ConfigError("data: " + std::to_string(data.cols()) +
                        " columns, the lesson's data has " + std::to_string(m_data.cols()));
    }
    checkLabels(labels, data.rows());
    config.validateForDimension(data.cols());
    // A fresh model of the saved configuration (k or the covariance type may have been changed
    // by hand), then the exact state on top; its own initialisation is overwritten.
    GaussianMixture model(config, data, m_seed);
    model.setThreads(m_threads);
    model.restoreExactState(in.at("exact"));
    const auto steps = data::readInteger<std::int64_t>(in.at("step"), "step");
    const auto reinitCount =
        data::readInteger<std::uint64_t>(in.at("reinit_count"), "reinit_count");
    const double lastDelta = in.at("last_delta").get<double>();
    if (steps < 0) throw ConfigError("step: negative");

    // Nothing above changed the trainer; from here on nothing throws.
    m_model = std::move(model);
    if (edited) {
      m_data = std::move(data);
      refreshDisplay(std::move(labels), /*newProjection=*/false);
    }
    m_dataEdited = edited;
    m_steps = steps;
    m_reinitCount = reinitCount;
    m_lastDelta = lastDelta;
  } catch (const std::exception& error) {
    throw DataError(file.string() + ": " + error.what());
  }
  publish();
}

void GmmTrainer::eStepOnly() {
  m_model.eStep();
  publish();
}

std::vector<std::string> GmmTrainer::mStepOnly() {
  auto messages = m_model.mStep();
  publish(messages);
  return messages;
}

void GmmTrainer::setMean(int k, const VectorXd& mean) {
  const VectorXd old =
      (k >= 0 && k < m_model.k()) ? VectorXd(m_model.means().row(k).transpose()) : VectorXd();
  m_model.setMean(k, mean);  // validates k and the size
  try {
    m_model.eStep();
  } catch (const NumericError&) {
    m_model.setMean(k, old);
    m_model.eStep();
    publish();
    throw;
  }
  publish();
}

void GmmTrainer::setMean2D(int k, const Eigen::Vector2d& position) {
  if (k < 0 || k >= m_model.k()) {
    throw ConfigError("means[" + std::to_string(k) + "]: no such component");
  }
  const VectorXd mean = m_model.means().row(k).transpose();
  const Eigen::Vector2d now = m_projection.point(mean);
  // axes has orthonormal rows, so adding axes^T v moves the projection by exactly v.
  setMean(k, mean + m_projection.axes.transpose() * (position - now));
}

void GmmTrainer::setData(MatrixXd data, std::vector<int> trueLabels) {
  replaceData(std::move(data), std::move(trueLabels), /*newProjection=*/true);
  publish();
}

void GmmTrainer::addPoints(const MatrixXd& points) {
  if (points.rows() == 0) return;
  if (points.cols() != m_data.cols()) {
    throw DataError("data: new points have " + std::to_string(points.cols()) +
                    " coordinates, the data has " + std::to_string(m_data.cols()));
  }
  MatrixXd grown(m_data.rows() + points.rows(), m_data.cols());
  grown << m_data, points;
  std::vector<int> labels;
  if (m_labels) {
    labels = *m_labels;
    labels.resize(static_cast<std::size_t>(grown.rows()), -1);
  }
  replaceData(std::move(grown), std::move(labels), /*newProjection=*/false);
  publish();
}

int GmmTrainer::erasePointsNear(double x, double y, double radius) {
  const Eigen::Vector2d centre(x, y);
  std::vector<Index> keep;
  for (Index i = 0; i < m_data.rows(); ++i) {
    const Eigen::Vector2d p = m_projection.point(m_data.row(i).transpose());
    if ((p - centre).norm() > radius) keep.push_back(i);
  }
  const auto erased = static_cast<int>(m_data.rows() - static_cast<Index>(keep.size()));
  if (erased == 0 || keep.empty()) return 0;
  MatrixXd kept(static_cast<Index>(keep.size()), m_data.cols());
  std::vector<int> labels;
  for (std::size_t i = 0; i < keep.size(); ++i) {
    kept.row(static_cast<Index>(i)) = m_data.row(keep[i]);
    if (m_labels) labels.push_back((*m_labels)[static_cast<std::size_t>(keep[i])]);
  }
  replaceData(std::move(kept), std::move(labels), /*newProjection=*/false);
  publish();
  return erased;
}

MatrixXd GmmTrainer::sample(Index n) {
  return m_model.sample(n);
}

void GmmTrainer::replaceData(MatrixXd data, std::vector<int> labels, bool newProjection) {
  checkLabels(labels, data.rows());
  m_model.setData(data);  // validates; keeps the parameters
  m_data = std::move(data);
  m_dataEdited = true;
  refreshDisplay(std::move(labels), newProjection);
}

void GmmTrainer::refreshDisplay(std::vector<int> labels, bool newProjection) {
  m_labels = labels.empty() ? nullptr : std::make_shared<const std::vector<int>>(std::move(labels));
  if (newProjection) m_projection = math::pcaProjection(m_data);
  m_points =
      std::make_shared<const GmmSnapshot::Points2f>(m_projection.points(m_data).cast<float>());
}

void GmmTrainer::publish(std::vector<std::string> messages) {
  auto snap = std::make_shared<GmmSnapshot>();
  snap->step = m_steps;
  snap->k = m_model.k();
  snap->dim = m_model.dim();
  snap->covariance = m_model.config().covariance;
  snap->init = m_model.config().init;
  snap->points = m_points;
  snap->trueLabels = m_labels;
  snap->boundsMin = m_points->colwise().minCoeff().transpose();
  snap->boundsMax = m_points->colwise().maxCoeff().transpose();
  snap->responsibilities = m_model.responsibilitiesF();
  snap->responsibilitiesCurrent = m_model.responsibilitiesCurrent();
  snap->weights = m_model.weights();
  snap->means = m_model.means();
  snap->covariances = m_model.covariances();
  snap->projection = m_projection;
  for (int k = 0; k < snap->k; ++k) {
    snap->means2d.push_back(m_projection.point(snap->means.row(k).transpose()));
    snap->covariances2d.push_back(
        m_projection.covariance(snap->covariances[static_cast<std::size_t>(k)]));
  }
  snap->meanLogLikelihood = m_model.meanLogLikelihood();
  snap->delta = m_lastDelta;
  snap->iteration = m_model.iterations();
  snap->converged = m_model.converged();
  snap->messages = std::move(messages);
  m_snapshot = std::move(snap);
}

std::vector<BicAicPoint> GmmTrainer::bicAicCurve(const MatrixXd& data, GmmConfig config, int kMax,
                                                 std::uint64_t seed, std::stop_token stop,
                                                 int threads) {
  std::vector<BicAicPoint> curve;
  if (config.init == InitMethod::Manual) config.init = InitMethod::KMeans;
  config.initialMeans.resize(0, 0);
  const int top = std::min<Index>(std::min(kMax, GmmConfig::kMaxK), data.rows());
  for (int k = 1; k <= top && !stop.stop_requested(); ++k) {
    config.k = k;
    GaussianMixture model(config, data, seed);
    model.setThreads(threads);
    fitBestOfStarts(model, config.nInit, stop);
    if (stop.stop_requested()) break;  // a half-fitted K would mislead
    curve.push_back({k, model.bic(), model.aic(), model.meanLogLikelihood(), model.converged()});
  }
  return curve;
}

}  // namespace genlab::gmm
