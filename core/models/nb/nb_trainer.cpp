#include "core/models/nb/nb_trainer.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>

#include "core/data/json_fields.h"
#include "core/train/json_checkpoint.h"
#include "core/util/errors.h"

namespace genlab::nb {

using Eigen::Index;
using Eigen::MatrixXd;
using nlohmann::json;

namespace {

constexpr std::uint64_t kSampleStream = 0xD1B54A32D192ED03ull;

void checkLabels(const std::vector<int>& labels, Index rows, int classes, const char* set) {
  if (static_cast<Index>(labels.size()) != rows) {
    throw DataError(std::string("dataset: ") + std::to_string(labels.size()) + " labels for " +
                    std::to_string(rows) + " " + set + " points");
  }
  for (const int label : labels) {
    if (label < 0 || label >= classes) {
      throw DataError(std::string("dataset: ") + set + " label " + std::to_string(label) +
                      " is not a class in [0, " + std::to_string(classes) + ")");
    }
  }
}

// The first row of each class first (in class order), then the rest in their order.
void frontLoadClasses(NbSnapshot::Data& d, int classes) {
  std::vector<Index> firsts(static_cast<std::size_t>(classes), -1);
  for (Index i = 0; i < d.train.rows(); ++i) {
    auto& first = firsts[static_cast<std::size_t>(d.trainLabels[static_cast<std::size_t>(i)])];
    if (first < 0) first = i;
  }
  for (int c = 0; c < classes; ++c) {
    if (firsts[static_cast<std::size_t>(c)] < 0) {
      throw DataError("dataset: class \"" + d.classNames[static_cast<std::size_t>(c)] +
                      "\" has no training point");
    }
  }
  std::vector<Index> order(firsts.begin(), firsts.end());
  std::vector<bool> taken(static_cast<std::size_t>(d.train.rows()), false);
  for (const Index i : order) taken[static_cast<std::size_t>(i)] = true;
  for (Index i = 0; i < d.train.rows(); ++i)
    if (!taken[static_cast<std::size_t>(i)]) order.push_back(i);
  MatrixXd train(d.train.rows(), d.train.cols());
  std::vector<int> labels(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    train.row(static_cast<Index>(i)) = d.train.row(order[i]);
    labels[i] = d.trainLabels[static_cast<std::size_t>(order[i])];
  }
  d.train = std::move(train);
  d.trainLabels = std::move(labels);
}

std::vector<float> clampedFloats(const Eigen::VectorXd& v, double scale) {
  std::vector<float> out(static_cast<std::size_t>(v.size()));
  for (Index j = 0; j < v.size(); ++j)
    out[static_cast<std::size_t>(j)] = static_cast<float>(std::clamp(v(j) * scale, 0.0, 1.0));
  return out;
}

}  // namespace

NbTrainer::NbTrainer(const NbSettings& settings, NbSnapshot::Data data, std::uint64_t seed)
    : m_settings(settings), m_classes(static_cast<int>(data.classNames.size())), m_seed(seed) {
  m_settings.config.validate();
  if (m_classes < 2) throw DataError("dataset: Naive Bayes needs at least two classes");
  if (data.train.rows() == 0) throw DataError("dataset: no training points");
  if (data.test.rows() == 0) throw DataError("dataset.test: no held-out points (test must be > 0)");
  if (data.test.cols() != data.train.cols()) {
    throw DataError("dataset: test points have " + std::to_string(data.test.cols()) +
                    " features, training points " + std::to_string(data.train.cols()));
  }
  if (!data.images() && data.train.cols() != 2) {
    throw DataError("dataset: the Naive Bayes lesson draws 2-D points; these have " +
                    std::to_string(data.train.cols()) + " coordinates");
  }
  checkLabels(data.trainLabels, data.train.rows(), m_classes, "training");
  checkLabels(data.testLabels, data.test.rows(), m_classes, "test");
  frontLoadClasses(data, m_classes);
  if (!data.images()) {
    data.boundsMin = data.train.colwise().minCoeff().transpose().cwiseMin(
        data.test.colwise().minCoeff().transpose());
    data.boundsMax = data.train.colwise().maxCoeff().transpose().cwiseMax(
        data.test.colwise().maxCoeff().transpose());
  }
  m_data = std::make_shared<const NbSnapshot::Data>(std::move(data));
  m_used = firstPrefix(m_settings);
  try {
    m_snapshot = fit(m_settings, m_used);
  } catch (const NumericError& error) {
    // The first fit is part of making the trainer, before any step: what fails here is the
    // lesson's, its settings (no variance added to a constant feature) or else its data.
    if (m_settings.config.kind == NbKind::Gaussian && m_settings.config.varSmoothing == 0.0) {
      throw ConfigError(std::string("settings.var_smoothing: 0 adds no variance to the first ") +
                        std::to_string(m_used) + " training points: " + error.what());
    }
    throw DataError("dataset: the first " + std::to_string(m_used) +
                    " training points: " + error.what());
  }
}

Index NbTrainer::firstPrefix(const NbSettings& settings) const {
  return std::min<Index>(m_data->train.rows(), std::max<Index>(settings.batch, m_classes));
}

std::vector<std::string> NbTrainer::metricNames() const {
  std::vector<std::string> names = {"train_points", "train_accuracy", "test_accuracy",
                                    "test_log_likelihood"};
  if (!m_data->images()) {
    names.insert(names.end(),
                 {"full_train_accuracy", "full_test_accuracy", "full_test_log_likelihood"});
  }
  return names;
}

std::shared_ptr<NbSnapshot> NbTrainer::fit(const NbSettings& settings, Index used) const {
  const NbSnapshot::Data& d = *m_data;
  const MatrixXd prefix = d.train.topRows(used);
  const std::vector<int> labels(d.trainLabels.begin(), d.trainLabels.begin() + used);
  auto snap = std::make_shared<NbSnapshot>();
  snap->data = m_data;
  snap->settings = settings;
  snap->trainUsed = used;
  snap->complete = used == d.train.rows();
  snap->step = m_steps;
  try {
    snap->model = std::make_shared<const NaiveBayes>(settings.config, prefix, labels, m_classes);
    if (!d.images() && settings.config.kind == NbKind::Gaussian) {
      snap->full = std::make_shared<const FullGaussianClasses>(prefix, labels, m_classes,
                                                               settings.config.varSmoothing);
    }
  } catch (const std::invalid_argument& error) {
    throw NumericError(error.what());
  }
  snap->trainAccuracy = accuracy(snap->model->predictProba(prefix), labels);
  snap->testAccuracy = accuracy(snap->model->predictProba(d.test), d.testLabels);
  snap->testLogLikelihood = snap->model->marginalLogLikelihood(d.test).mean();
  if (snap->full) {
    snap->fullTrainAccuracy = accuracy(snap->full->predictProba(prefix), labels);
    snap->fullTestAccuracy = accuracy(snap->full->predictProba(d.test), d.testLabels);
    snap->fullTestLogLikelihood = snap->full->marginalLogLikelihood(d.test).mean();
  }
  if (!std::isfinite(snap->testLogLikelihood) || !std::isfinite(snap->fullTestLogLikelihood)) {
    throw NumericError("held-out log-likelihood is not finite with " + std::to_string(used) +
                       " training points (a variance of zero: raise var_smoothing)");
  }
  if (d.images()) {
    const NaiveBayes& m = *snap->model;
    const auto dim = static_cast<std::size_t>(m.dim());
    snap->samplesPerClass = settings.samples;
    snap->means.reserve(dim * static_cast<std::size_t>(m_classes));
    // Samples depend on the seed and the prefix only, so a resumed run draws the same ones.
    Rng rng(m_seed ^ (kSampleStream + static_cast<std::uint64_t>(used)));
    for (int c = 0; c < m_classes; ++c) {
      Eigen::VectorXd mean;
      double scale = 1.0;
      if (settings.config.kind == NbKind::Gaussian) {
        mean = m.theta().row(c).transpose();
      } else {
        mean = m.featureLogProb().row(c).transpose().array().exp();
        if (settings.config.kind == NbKind::Multinomial) scale = 1.0 / mean.maxCoeff();
      }
      const auto meanPixels = clampedFloats(mean, scale);
      snap->means.insert(snap->means.end(), meanPixels.begin(), meanPixels.end());
      for (int s = 0; s < settings.samples; ++s) {
        // Multinomial: as many draws as the class's images hold on average, shown relative to
        // the sample's largest count.
        const int draws = std::max(
            1, static_cast<int>(std::lround(m.featureCount().size() > 0
                                                ? m.featureCount().row(c).sum() / m.classCount()(c)
                                                : 1.0)));
        const Eigen::VectorXd x = m.sample(c, rng, draws);
        const double sampleScale =
            settings.config.kind == NbKind::Multinomial ? 1.0 / std::max(1.0, x.maxCoeff()) : 1.0;
        const auto pixels = clampedFloats(x, sampleScale);
        snap->samples.insert(snap->samples.end(), pixels.begin(), pixels.end());
      }
    }
  }
  return snap;
}

train::StepOutcome NbTrainer::step(std::span<double> metrics, std::stop_token /*stop*/) {
  // One closed-form fit is short; it is not interrupted.
  const Index used = std::min<Index>(m_data->train.rows(), m_used + m_settings.batch);
  ++m_steps;
  std::shared_ptr<NbSnapshot> snap;
  try {
    snap = fit(m_settings, used);
  } catch (...) {
    --m_steps;
    throw;
  }
  m_used = used;
  const double values[] = {static_cast<double>(used),  snap->trainAccuracy,
                           snap->testAccuracy,         snap->testLogLikelihood,
                           snap->fullTrainAccuracy,    snap->fullTestAccuracy,
                           snap->fullTestLogLikelihood};
  for (std::size_t i = 0; i < metrics.size() && i < std::size(values); ++i) metrics[i] = values[i];
  train::StepOutcome outcome;
  outcome.converged = snap->complete;
  if (snap->complete) {
    outcome.messages.push_back("all " + std::to_string(used) + " training points are in");
  }
  m_snapshot = std::move(snap);
  return outcome;
}

void NbTrainer::setParam(const std::string& key, const json& value) {
  json settings = m_settings.toJson();
  settings[key] = value;
  const NbSettings updated = NbSettings::fromJson(settings, m_data->images());
  updated.config.validate();
  auto snap = fit(updated, m_used);  // throws before anything changes
  m_settings = updated;
  m_snapshot = std::move(snap);
}

void NbTrainer::saveCheckpoint(const std::filesystem::path& file) const {
  const NaiveBayes& m = *m_snapshot->model;
  json out = {{"model", "nb"},
              {"step", m_steps},
              {"train_points", m_used},
              {"settings", m_settings.toJson()},
              {"classes", m_data->classNames},
              {"class_log_prior", data::toJson(m.classLogPrior())}};
  if (m_settings.config.kind == NbKind::Gaussian) {
    out["theta"] = data::toJson(m.theta());
    out["var"] = data::toJson(m.var());
  } else {
    out["feature_log_prob"] = data::toJson(m.featureLogProb());
  }
  train::writeJsonCheckpoint(file, out);
}

void NbTrainer::loadCheckpoint(const std::filesystem::path& file) {
  const json in = train::readJsonCheckpoint(file);
  const json named = in.contains("model") ? in["model"] : json("?");
  if (named != "nb") {
    throw DataError(file.string() + ": a checkpoint of model " + named.dump() +
                    ", not of Naive Bayes");
  }
  try {
    if (!in.contains("settings") || !in.contains("step") || !in.contains("train_points")) {
      throw ConfigError("expected \"settings\", \"step\" and \"train_points\"");
    }
    const NbSettings settings = NbSettings::fromJson(in["settings"], m_data->images());
    const auto steps = data::readInteger<std::int64_t>(in["step"], "step");
    if (steps < 0) throw ConfigError("step: negative");
    const auto used =
        static_cast<Index>(data::readInt(in["train_points"], "train_points", m_classes,
                                         static_cast<long long>(m_data->train.rows())));
    const std::int64_t stepsBefore = m_steps;
    m_steps = steps;  // the snapshot's step; put back if the fit throws
    std::shared_ptr<NbSnapshot> snap;
    try {
      snap = fit(settings, used);
    } catch (...) {
      m_steps = stepsBefore;
      throw;
    }
    m_settings = settings;
    m_used = used;
    m_snapshot = std::move(snap);
  } catch (const std::exception& error) {
    throw DataError(file.string() + ": " + error.what());
  }
}

}  // namespace genlab::nb
