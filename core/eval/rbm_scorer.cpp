// The RBM's entries on the likelihood leaderboard: two RBMs trained here by PCD-1 on the
// leaderboard's split, one small enough that log Z is enumerated (exact) and one that needs
// annealed importance sampling (an estimate with its standard error). AIS's log Z is unbiased
// in Z, so log Z is underestimated on average and the NLL with it slightly optimistic: the
// note says so.

#include <chrono>

#include "core/data/binary_images.h"
#include "core/eval/likelihood_leaderboard.h"
#include "core/models/rbm/rbm_evaluation.h"
#include "core/models/rbm/rbm_learning.h"
#include "core/util/rng.h"

namespace genlab::eval {
namespace {

constexpr int kEpochs = 30;
constexpr int kBatch = 10;
constexpr double kLearningRate = 0.05;
constexpr int kExactBits = 20;

constexpr int kSampleSweeps = 1000;

LeaderboardEntry trainAndScore(const Eigen::MatrixXd& train, const Eigen::MatrixXd& test,
                               int hidden, std::uint64_t seed, const LeaderboardOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  rbm::Rbm model = rbm::Rbm::random(train.cols(), hidden, seed);
  rbm::LearningSettings settings;
  settings.persistent = true;
  settings.learningRate = kLearningRate;
  rbm::ContrastiveDivergence learner(settings, train.cols(), hidden, kBatch);
  Rng rng(seed + 1);
  const auto uniforms = rbm::uniformsFrom(rng);
  std::vector<Eigen::Index> order(static_cast<std::size_t>(train.rows()));
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<Eigen::Index>(i);
  Eigen::MatrixXd batch(kBatch, train.cols());
  for (int epoch = 0; epoch < kEpochs; ++epoch) {
    throwIfStopped(options);
    for (std::size_t i = order.size(); i > 1; --i)  // Fisher-Yates, a new order each epoch
      std::swap(order[i - 1], order[rng.below(i)]);
    for (std::size_t first = 0; first + kBatch <= order.size(); first += kBatch) {
      for (int b = 0; b < kBatch; ++b) batch.row(b) = train.row(order[first + b]);
      learner.update(model, batch, uniforms);
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rbm::AisSettings ais;
  ais.runs = 100;
  ais.betas = 10000;
  ais.seed = seed + 2;
  ais.stop = options.stop;
  throwIfStopped(options);
  const auto partition = rbm::estimateLogPartition(model, train, ais, kExactBits);
  throwIfStopped(options);  // a stopped AIS returns early, with nothing to keep
  const auto score = rbm::scoreData(model, test, partition.logPartition);

  LeaderboardEntry entry;
  entry.model = "rbm" + std::to_string(hidden);
  entry.description = "RBM, " + std::to_string(hidden) + " hidden units, PCD-1, " +
                      std::to_string(kEpochs) + " epochs";
  entry.kind = partition.exact ? FigureKind::kExact : FigureKind::kEstimate;
  entry.nats = -score.logLikelihood;
  entry.standardError = partition.standardError;
  entry.trainSeconds = seconds;
  entry.note = partition.exact
                   ? "log Z by enumerating the 2^" + std::to_string(hidden) + " hidden states"
                   : "log Z by AIS (100 runs, 10,000 temperatures); the standard error is AIS's, "
                     "and AIS tends to underestimate log Z";
  if (options.samples > 0) {
    // Gibbs chains from fair-coin noise, long enough to forget it; p(v | h) of the last sweep.
    Rng chainRng(seed + 3);
    Eigen::MatrixXd v(options.samples, train.cols());
    for (Eigen::Index i = 0; i < v.size(); ++i) v(i) = chainRng.uniform() < 0.5 ? 1.0 : 0.0;
    const Eigen::MatrixXd p =
        rbm::gibbsSweeps(model, v, kSampleSweeps, rbm::uniformsFrom(chainRng));
    for (Eigen::Index r = 0; r < p.rows(); ++r)
      for (Eigen::Index c = 0; c < p.cols(); ++c)
        entry.samples.push_back(static_cast<float>(p(r, c)));
  }
  return entry;
}

}  // namespace

std::vector<LeaderboardEntry> scoreRbm(const data::ImageSplit& split,
                                       const LeaderboardOptions& options) {
  const Eigen::MatrixXd train = data::imagesAsRows(split.train);
  const Eigen::MatrixXd test = data::imagesAsRows(split.test);
  return {trainAndScore(train, test, 16, options.seed, options),
          trainAndScore(train, test, options.rbmHidden, options.seed + 10, options)};
}

}  // namespace genlab::eval
