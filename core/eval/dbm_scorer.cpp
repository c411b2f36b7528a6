// The DBM's entry on the likelihood leaderboard: a two-layer DBM (16 h1, 8 h2 units) trained
// here on the leaderboard's split, greedily then jointly, and scored exactly: log Z by
// enumerating h1, log p*(v) by enumerating h2 (core/models/dbm/dbm_likelihood.h).

#include "core/eval/dbm_scorer.h"

#include <chrono>

#include "core/data/binary_images.h"
#include "core/eval/likelihood_leaderboard.h"
#include "core/models/dbm/dbm_likelihood.h"
#include "core/util/rng.h"

namespace genlab::eval {
namespace {

// The scorer's stream, apart from the other models' (each starts from options.seed).
constexpr std::uint64_t kDbmStream = 0xD1B54A32D192ED03ULL;
constexpr std::uint64_t kSampleStream = 0x2545F4914F6CDD1DULL;
constexpr int kSampleSweeps = 1000;

dbm::Dbm fitForBoard(const Eigen::MatrixXd& images, std::uint64_t seed,
                     const dbm::EpochCallback& afterEpoch) {
  Rng rng(seed ^ kDbmStream);
  return dbm::fitDbm(images, leaderboardDbmSettings(), rng, afterEpoch);
}

}  // namespace

dbm::FitSettings leaderboardDbmSettings() {
  dbm::FitSettings fit;
  fit.greedy.hidden1 = 16;
  fit.greedy.hidden2 = 8;
  fit.greedy.epochs = 20;
  fit.greedy.batch = 20;
  fit.jointEpochs = 30;
  return fit;
}

dbm::Dbm trainLeaderboardDbm(const Eigen::MatrixXd& images, std::uint64_t seed) {
  return fitForBoard(images, seed, {});
}

std::vector<LeaderboardEntry> scoreDbm(const data::ImageSplit& split,
                                       const LeaderboardOptions& options) {
  const Eigen::MatrixXd train = data::imagesAsRows(split.train);
  const Eigen::MatrixXd test = data::imagesAsRows(split.test);
  const auto start = std::chrono::steady_clock::now();
  // Stops between epochs (greedy pretraining, about a tenth of a second, runs whole).
  const dbm::Dbm model =
      fitForBoard(train, options.seed, [&](int, const dbm::Dbm&) { throwIfStopped(options); });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  dbm::LikelihoodSettings settings;
  settings.ais.seed = options.seed;
  settings.ais.stop = options.stop;
  const dbm::LikelihoodScore score = dbm::scoreLikelihood(model, test, train, settings);
  throwIfStopped(options);  // a stopped AIS returns early, with nothing to keep

  const dbm::FitSettings fit = leaderboardDbmSettings();
  LeaderboardEntry entry;
  entry.model = "dbm16";
  entry.description = "DBM, 16 + 8 hidden units, greedy (" + std::to_string(fit.greedy.epochs) +
                      " epochs per layer) then joint (" + std::to_string(fit.jointEpochs) +
                      " epochs)";
  entry.kind = score.kind == dbm::FigureKind::Exact      ? FigureKind::kExact
               : score.kind == dbm::FigureKind::Estimate ? FigureKind::kEstimate
                                                         : FigureKind::kBound;
  entry.nats = -score.logLikelihood;
  entry.standardError = score.standardError;
  entry.trainSeconds = seconds;
  entry.note =
      "log Z by enumerating the 2^16 h1 states, log p*(v) the 2^8 h2 states; the "
      "mean-field bound would say " +
      std::to_string(-score.meanFieldBound);
  if (options.samples > 0) {
    // Layer-wise Gibbs chains from fair-coin (v, h2), long enough to forget it; p(v | h1) of
    // the last sweep.
    Rng chainRng(options.seed ^ kSampleStream);
    Eigen::MatrixXd x(options.samples, model.stacked.visible());
    for (Eigen::Index i = 0; i < x.size(); ++i) x(i) = chainRng.uniform() < 0.5 ? 1.0 : 0.0;
    const Eigen::MatrixXd p =
        rbm::gibbsSweeps(model.stacked, x, kSampleSweeps, rbm::uniformsFrom(chainRng));
    for (Eigen::Index r = 0; r < p.rows(); ++r)
      for (Eigen::Index c = 0; c < model.visible(); ++c)
        entry.samples.push_back(static_cast<float>(p(r, c)));
  }
  return {entry};
}

}  // namespace genlab::eval
