#pragma once
// The likelihood leaderboard: every model genlab knows, trained on the same binarised images and
// scored on the same held-out ones, in nats per image (-log p(x), lower is better) and bits per
// pixel. Each figure says what it is:
//   exact     log p(x) computed exactly (independent pixels, Naive Bayes marginalised over the
//             classes, a mixture of Bernoullis, an RBM or a DBM small enough to enumerate,
//             PixelCNN);
//   estimate  an unbiased estimate of p(x) with its standard error (an RBM's AIS log Z);
//   bound     a lower bound on log p(x), so an upper bound on the NLL (the VAE's ELBO and its
//             importance-weighted bound with K samples).
//
// Models are scorers in a table (likelihood_leaderboard.cpp): a function from the split and the
// options to one or more entries. Adding a model is one line there.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include "core/data/image_set.h"

namespace genlab::eval {

enum class FigureKind { kExact, kEstimate, kBound };
const char* toString(FigureKind kind);

struct LeaderboardOptions {
  // An image dataset spec (core/data/image_datasets.h); "binarize" defaults to "threshold".
  nlohmann::json dataset = {{"kind", "digits"}, {"test", 297}};
  std::filesystem::path baseDir;    // relative paths in `dataset` are resolved here
  std::uint64_t seed = 0;           // the split, the binarisation when sampled, every model's start
  std::vector<std::string> models;  // empty: every known model
  int mixtureComponents = 10;
  int vaeSteps = 3000;
  int vaeLatent = 8;
  int vaeHidden = 200;
  int importanceSamples = 100;
  int pixelCnnSteps = 2000;
  int rbmHidden = 64;  // the larger RBM (AIS); the smaller has 16 hidden units (exact)
  // Images each scorer draws from its fitted model into LeaderboardEntry::samples (0: none,
  // the command line's choice). Drawn from their own stream after scoring: the figures do not
  // depend on it.
  int samples = 0;
  // Polled by the scorers between units of their training (epochs, minibatches): when a stop
  // is requested they throw ScoringStopped. The lab's board stops this way when it is closed.
  std::stop_token stop;
};

struct LeaderboardEntry {
  std::string model;        // "bernoulli_mixture"
  std::string description;  // "mixture of 10 Bernoulli products, EM"
  FigureKind kind = FigureKind::kExact;
  double nats = 0;           // mean -log p(x) per held-out image (for a bound: -bound)
  double standardError = 0;  // of the estimate itself (estimates only); 0 otherwise
  double trainSeconds = 0;
  std::string note;  // how the figure was obtained
  // Up to LeaderboardOptions::samples images drawn from the model (pixels in [0, 1], image
  // after image, the split's height x width row-major); empty where the model cannot generate
  // or none were asked for. A model with several entries (the VAE's bounds) gives them once.
  std::vector<float> samples;
};

struct Leaderboard {
  std::string data;  // what the images are, binarisation included
  int trainImages = 0;
  int testImages = 0;
  int pixels = 0;
  std::vector<LeaderboardEntry> entries;                     // sorted by nats, best first
  std::vector<std::pair<std::string, std::string>> skipped;  // model, why
  nlohmann::json toJson() const;
};

// Thrown by a scorer that cannot score this data (Naive Bayes without class labels); the model
// is listed under `skipped` with the reason instead of failing the whole board.
struct ModelSkipped : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Thrown by a scorer that saw LeaderboardOptions::stop requested; nothing of it is kept.
struct ScoringStopped : std::runtime_error {
  ScoringStopped() : std::runtime_error("scoring stopped") {}
};
inline void throwIfStopped(const LeaderboardOptions& options) {
  if (options.stop.stop_requested()) throw ScoringStopped();
}

using Scorer = std::function<std::vector<LeaderboardEntry>(const data::ImageSplit& split,
                                                           const LeaderboardOptions& options)>;

// The known models, in the order they are scored.
std::vector<std::string> leaderboardModels();

// The scorer of a model leaderboardModels() names. Throws ConfigError for another name.
Scorer leaderboardScorer(const std::string& name);

// The held-out split every model is scored on (the dataset's own stream of the seed);
// `description` receives what the images are, binarisation included. Throws ConfigError for a
// bad dataset spec (binarize "none" included), DataError for unreadable data or an empty split.
data::ImageSplit makeLeaderboardSplit(const LeaderboardOptions& options,
                                      std::string* description = nullptr);

// Makes the split, checks it is binary, runs every requested scorer, sorts. `progress` is told
// each model's name before it is trained. Throws ConfigError for an unknown model or a bad
// dataset spec, DataError for unreadable data.
Leaderboard runLeaderboard(const LeaderboardOptions& options,
                           const std::function<void(const std::string&)>& progress = {});

// The scorers, for tests and for the table in the .cpp.
std::vector<LeaderboardEntry> scoreIndependentPixels(const data::ImageSplit& split,
                                                     const LeaderboardOptions& options);
std::vector<LeaderboardEntry> scoreNaiveBayes(const data::ImageSplit& split,
                                              const LeaderboardOptions& options);
std::vector<LeaderboardEntry> scoreBernoulliMixture(const data::ImageSplit& split,
                                                    const LeaderboardOptions& options);
std::vector<LeaderboardEntry> scoreRbm(const data::ImageSplit& split,
                                       const LeaderboardOptions& options);
std::vector<LeaderboardEntry> scoreDbm(const data::ImageSplit& split,
                                       const LeaderboardOptions& options);
std::vector<LeaderboardEntry> scorePixelCnn(const data::ImageSplit& split,
                                            const LeaderboardOptions& options);
std::vector<LeaderboardEntry> scoreVae(const data::ImageSplit& split,
                                       const LeaderboardOptions& options);

}  // namespace genlab::eval
