#include "core/eval/likelihood_leaderboard.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "core/data/binary_images.h"
#include "core/data/image_datasets.h"
#include "core/models/bernoulli_mixture/bernoulli_mixture.h"
#include "core/models/nb/naive_bayes.h"
#include "core/util/errors.h"
#include "core/util/rng.h"

namespace genlab::eval {
namespace {

// The table of scorers, in scoring order. One line per model.
const std::vector<std::pair<std::string, Scorer>>& scorers() {
  static const std::vector<std::pair<std::string, Scorer>> table = {
      {"independent", scoreIndependentPixels},
      {"naive_bayes", scoreNaiveBayes},
      {"bernoulli_mixture", scoreBernoulliMixture},
      {"rbm", scoreRbm},
      {"dbm", scoreDbm},
      {"pixelcnn", scorePixelCnn},
      {"vae", scoreVae},
  };
  return table;
}

// The dataset's own random stream, apart from the models' (as the lessons do).
constexpr std::uint64_t kDatasetStream = 0x9E3779B97F4A7C15ull;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Laplace's rule, the usual smoothing for binary pixels: no held-out pixel has probability 0.
constexpr double kAlpha = 1.0;

// The samples' own stream of the seed: drawing them changes no figure.
constexpr std::uint64_t kSamplesStream = 0xD1B54A32D192ED03ull;

// options.samples images from a mixture of Bernoulli products: a component by its weight,
// then every pixel on its own.
std::vector<float> sampleMixture(const bernoulli_mixture::MixtureFit& fit,
                                 const LeaderboardOptions& options) {
  Rng rng(options.seed ^ kSamplesStream);
  std::vector<float> out;
  for (int i = 0; i < options.samples; ++i) {
    const auto k = static_cast<Eigen::Index>(rng.categorical(fit.weights));
    for (Eigen::Index j = 0; j < fit.means.cols(); ++j)
      out.push_back(rng.uniform() < fit.means(k, j) ? 1.0F : 0.0F);
  }
  return out;
}

}  // namespace

const char* toString(FigureKind kind) {
  switch (kind) {
    case FigureKind::kExact:
      return "exact";
    case FigureKind::kEstimate:
      return "estimate";
    case FigureKind::kBound:
      return "bound";
  }
  return "exact";
}

std::vector<std::string> leaderboardModels() {
  std::vector<std::string> names;
  for (const auto& [name, scorer] : scorers()) names.push_back(name);
  return names;
}

std::vector<LeaderboardEntry> scoreIndependentPixels(const data::ImageSplit& split,
                                                     const LeaderboardOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const auto fit = bernoulli_mixture::fitBernoulliMixture(data::imagesAsRows(split.train), 1,
                                                          kAlpha, 1, 0.0, options.seed);
  LeaderboardEntry entry;
  entry.model = "independent";
  entry.description = "independent pixels (one Bernoulli each)";
  entry.trainSeconds = secondsSince(start);
  entry.nats = -bernoulli_mixture::logLikelihoods(fit, data::imagesAsRows(split.test)).mean();
  entry.note = "closed form, Laplace smoothing (alpha 1)";
  entry.samples = sampleMixture(fit, options);
  return {entry};
}

std::vector<LeaderboardEntry> scoreNaiveBayes(const data::ImageSplit& split,
                                              const LeaderboardOptions& options) {
  if (!split.train.hasLabels()) throw ModelSkipped("the images have no class labels");
  const auto start = std::chrono::steady_clock::now();
  nb::NbConfig config;
  config.kind = nb::NbKind::Bernoulli;
  config.alpha = kAlpha;
  config.binarize.reset();  // already 0/1
  const int classes = 1 + *std::max_element(split.train.labels.begin(), split.train.labels.end());
  const nb::NaiveBayes model(config, data::imagesAsRows(split.train), split.train.labels, classes);
  LeaderboardEntry entry;
  entry.model = "naive_bayes";
  entry.description =
      "Bernoulli Naive Bayes, summed over the " + std::to_string(classes) + " classes";
  entry.trainSeconds = secondsSince(start);
  entry.nats = -model.marginalLogLikelihood(data::imagesAsRows(split.test)).mean();
  entry.note = "p(x) = sum_y p(y) prod_j p(x_j | y), exact; trained with the labels";
  // A class by its prior, then the pixels independently given the class.
  Rng rng(options.seed ^ kSamplesStream);
  const Eigen::VectorXd prior = model.classLogPrior().array().exp();
  for (int i = 0; i < options.samples; ++i) {
    const Eigen::VectorXd x = model.sample(static_cast<int>(rng.categorical(prior)), rng);
    for (Eigen::Index j = 0; j < x.size(); ++j) entry.samples.push_back(static_cast<float>(x(j)));
  }
  return {entry};
}

std::vector<LeaderboardEntry> scoreBernoulliMixture(const data::ImageSplit& split,
                                                    const LeaderboardOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const int k = options.mixtureComponents;
  const auto fit = bernoulli_mixture::fitBernoulliMixture(data::imagesAsRows(split.train), k,
                                                          kAlpha, 500, 1e-7, options.seed);
  LeaderboardEntry entry;
  entry.model = "bernoulli_mixture";
  entry.description = "mixture of " + std::to_string(k) + " Bernoulli products";
  entry.trainSeconds = secondsSince(start);
  entry.nats = -bernoulli_mixture::logLikelihoods(fit, data::imagesAsRows(split.test)).mean();
  entry.note = "EM, " + std::to_string(fit.iterations) + " iterations, no labels";
  entry.samples = sampleMixture(fit, options);
  return {entry};
}

nlohmann::json Leaderboard::toJson() const {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& e : entries) {
    nlohmann::json row = {{"model", e.model},
                          {"description", e.description},
                          {"kind", toString(e.kind)},
                          {"nats_per_image", e.nats},
                          {"bits_per_pixel", e.nats / std::log(2.0) / pixels},
                          {"train_seconds", e.trainSeconds},
                          {"note", e.note}};
    if (e.kind == FigureKind::kEstimate) row["standard_error"] = e.standardError;
    rows.push_back(row);
  }
  nlohmann::json skippedJson = nlohmann::json::array();
  for (const auto& [model, why] : skipped) skippedJson.push_back({{"model", model}, {"why", why}});
  return {{"data", data},
          {"train_images", trainImages},
          {"test_images", testImages},
          {"pixels", pixels},
          {"entries", rows},
          {"skipped", skippedJson}};
}

Scorer leaderboardScorer(const std::string& name) {
  for (const auto& [known, scorer] : scorers())
    if (known == name) return scorer;
  std::string known;
  for (const auto& model : leaderboardModels()) known += (known.empty() ? "" : ", ") + model;
  throw ConfigError("unknown model \"" + name + "\" (known: " + known + ")");
}

data::ImageSplit makeLeaderboardSplit(const LeaderboardOptions& options, std::string* description) {
  nlohmann::json spec = options.dataset;
  if (spec.is_object() && !spec.contains("binarize")) spec["binarize"] = "threshold";
  if (spec.is_object() && spec.value("binarize", std::string{}) == "none")
    throw ConfigError(
        "dataset.binarize: the leaderboard scores binary images (threshold or sample)");
  Rng dataRng(options.seed ^ kDatasetStream);
  data::ImageSplit split = data::makeImageDatasets(spec, dataRng, options.baseDir);
  if (split.train.count == 0 || split.test.count == 0)
    throw DataError("the leaderboard needs training and held-out images (dataset.test)");

  if (description) *description = spec.dump();
  return split;
}

Leaderboard runLeaderboard(const LeaderboardOptions& options,
                           const std::function<void(const std::string&)>& progress) {
  std::vector<std::pair<std::string, Scorer>> chosen;
  for (const auto& name : options.models) {
    const auto it = std::find_if(scorers().begin(), scorers().end(),
                                 [&](const auto& entry) { return entry.first == name; });
    if (it == scorers().end()) {
      std::string known;
      for (const auto& model : leaderboardModels()) known += (known.empty() ? "" : ", ") + model;
      throw ConfigError("--models: unknown model \"" + name + "\" (known: " + known + ")");
    }
    chosen.push_back(*it);
  }
  if (options.models.empty()) chosen = scorers();

  std::string description;
  const data::ImageSplit split = makeLeaderboardSplit(options, &description);

  Leaderboard board;
  board.data = description;
  board.trainImages = split.train.count;
  board.testImages = split.test.count;
  board.pixels = split.train.pixelsPerImage();
  for (const auto& [name, scorer] : chosen) {
    throwIfStopped(options);
    if (progress) progress(name);
    try {
      for (auto& entry : scorer(split, options)) board.entries.push_back(std::move(entry));
    } catch (const ModelSkipped& why) {
      board.skipped.emplace_back(name, why.what());
    }
  }
  std::stable_sort(board.entries.begin(), board.entries.end(),
                   [](const auto& a, const auto& b) { return a.nats < b.nats; });
  return board;
}

}  // namespace genlab::eval
