#include "app/cli/fit_dbm.h"

#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "app/cli/binarize_option.h"
#include "app/cli/fit_rbm.h"
#include "core/models/dbm/dbm_fit.h"
#include "core/models/dbm/dbm_likelihood.h"
#include "core/platform/threading.h"
#include "core/util/errors.h"
#include "core/util/file_write.h"

namespace genlab::cli {
namespace {

using nlohmann::json;

struct FitDbmOptions {
  std::string data;
  std::string binarize = "none";
  int hidden1 = 0;
  int hidden2 = 0;
  int pretrainEpochs = 20;
  int epochs = 20;
  double pretrainLr = 0.05;
  double lr = 0.01;
  double momentum = 0.5;
  double weightDecay = 0.0;
  int k = 1;
  int meanFieldIterations = 10;
  int batch = 20;
  std::uint64_t seed = 0;
  std::string test;
  bool json = false;
  std::string out;
  int aisRuns = 100;
  int aisBetas = 10000;
  int exactBits = 20;
};

void validate(const FitDbmOptions& o) {
  if (o.data.empty()) throw ConfigError("--data: required");
  if (o.hidden1 < 1) throw ConfigError("--hidden1: required, at least 1");
  if (o.hidden2 < 1) throw ConfigError("--hidden2: required, at least 1");
  if (o.pretrainEpochs < 0) throw ConfigError("--pretrain-epochs: must be >= 0");
  if (o.epochs < 0) throw ConfigError("--epochs: must be >= 0");
  for (const auto& [name, value] :
       {std::pair{"--lr", o.lr}, std::pair{"--pretrain-lr", o.pretrainLr}}) {
    if (!(value > 0.0) || !std::isfinite(value))
      throw ConfigError(std::string(name) + ": must be a finite number > 0");
  }
  if (!(o.momentum >= 0.0 && o.momentum < 1.0)) throw ConfigError("--momentum: must be in [0, 1)");
  if (!(o.weightDecay >= 0.0) || !std::isfinite(o.weightDecay))
    throw ConfigError("--weight-decay: must be a finite number >= 0");
  if (o.k < 1 || o.k > 1000) throw ConfigError("--k: must be in [1, 1000]");
  if (o.meanFieldIterations < 0) throw ConfigError("--mean-field-iterations: must be >= 0");
  if (o.batch < 1) throw ConfigError("--batch: must be at least 1");
  if (o.aisRuns < 2) throw ConfigError("--ais-runs: at least 2 (for a standard error)");
  if (o.aisBetas < 1) throw ConfigError("--ais-betas: at least 1");
  if (o.exactBits < 0 || o.exactBits > 26) throw ConfigError("--exact-bits: must be in [0, 26]");
}

json scoreJson(const dbm::LikelihoodScore& s, Eigen::Index images) {
  return {{"images", images},
          {"log_likelihood", s.logLikelihood},
          {"kind", dbm::toString(s.kind)},
          {"mean_field_bound", s.meanFieldBound},
          {"log_partition", s.logPartition},
          {"log_partition_method", s.partitionExact ? "exact" : "ais"},
          {"standard_error", s.standardError}};
}

void printScore(const char* name, const dbm::LikelihoodScore& s, Eigen::Index images) {
  std::cout << "    " << name << " (" << images << " images): log-likelihood " << s.logLikelihood
            << " nats per image (" << dbm::toString(s.kind);
  if (!s.partitionExact) std::cout << ", AIS log Z +- " << s.standardError;
  std::cout << "), mean-field bound " << s.meanFieldBound << '\n';
}

void runFitDbm(const FitDbmOptions& o) {
  validate(o);
  const std::optional<double> threshold = parseBinarizeOption(o.binarize);
  const Eigen::MatrixXd train = readImages(o.data, threshold);
  const Eigen::MatrixXd test =
      o.test.empty() ? Eigen::MatrixXd() : readImages(o.test, threshold, train.cols());

  dbm::FitSettings fit;
  fit.greedy.hidden1 = o.hidden1;
  fit.greedy.hidden2 = o.hidden2;
  fit.greedy.epochs = o.pretrainEpochs;
  fit.greedy.batch = o.batch;
  fit.greedy.learning.learningRate = o.pretrainLr;
  fit.greedy.learning.momentum = o.momentum;
  fit.greedy.learning.weightDecay = o.weightDecay;
  fit.jointEpochs = o.epochs;
  fit.joint = {
      .cdSteps = o.k, .learningRate = o.lr, .momentum = o.momentum, .weightDecay = o.weightDecay};
  fit.meanField.maxIterations = o.meanFieldIterations;

  dbm::LikelihoodSettings settings;
  settings.exactBits = o.exactBits;
  settings.ais.runs = o.aisRuns;
  settings.ais.betas = o.aisBetas;
  settings.ais.seed = o.seed;
  settings.ais.threads = platform::currentThreadSettings().intraOpThreads;
  settings.meanField.maxIterations = std::max(30, o.meanFieldIterations);

  struct Stage {
    dbm::LikelihoodScore train;
    std::optional<dbm::LikelihoodScore> test;
  };
  // One log Z (exact or AIS) per model, for both image sets.
  const auto score = [&](const dbm::Dbm& d) {
    const dbm::Partition z = dbm::estimatePartition(d, train, settings);
    return Stage{
        dbm::scoreLikelihood(d, train, z, settings),
        test.rows() > 0 ? std::optional(dbm::scoreLikelihood(d, test, z, settings)) : std::nullopt};
  };
  std::optional<Stage> greedy;
  double greedySeconds = 0.0;
  double trainingSeconds = 0.0;
  auto clock = std::chrono::steady_clock::now();
  const auto lap = [&] {
    const auto now = std::chrono::steady_clock::now();
    trainingSeconds += std::chrono::duration<double>(now - clock).count();
    clock = now;
  };
  Rng rng(o.seed);
  const dbm::Dbm model = dbm::fitDbm(train, fit, rng, [&](int epoch, const dbm::Dbm& d) {
    if (epoch != 0) return;
    lap();
    greedySeconds = trainingSeconds;
    greedy = score(d);
    clock = std::chrono::steady_clock::now();
  });
  lap();
  if (!model.stacked.weights.allFinite() || !model.stacked.visibleBias.allFinite() ||
      !model.stacked.hiddenBias.allFinite()) {
    throw NumericError("DBM weights became NaN or infinite (try a smaller --lr)");
  }
  const Stage joint = score(model);
  // Updates per second of each phase (a greedy update is one RBM's, a joint one the DBM's).
  const double perEpoch = std::ceil(static_cast<double>(train.rows()) / o.batch);
  const double jointSeconds = trainingSeconds - greedySeconds;
  const double greedyRate = 2.0 * o.pretrainEpochs * perEpoch / greedySeconds;
  const double jointRate = o.epochs * perEpoch / jointSeconds;

  if (!o.out.empty()) writeWholeFile(o.out, dbm::toJson(model).dump() + "\n");
  if (o.json) {
    const auto stage = [&](const Stage& s) {
      json out = {{"train", scoreJson(s.train, train.rows())}};
      if (s.test) out["test"] = scoreJson(*s.test, test.rows());
      return out;
    };
    std::cout << json{{"visible", model.visible()},
                      {"hidden1", model.hidden1()},
                      {"hidden2", model.hidden2()},
                      {"pretrain_epochs", o.pretrainEpochs},
                      {"epochs", o.epochs},
                      {"batch", o.batch},
                      {"greedy_seconds", greedySeconds},
                      {"joint_seconds", jointSeconds},
                      {"greedy_updates_per_second", greedyRate},
                      {"joint_updates_per_second", jointRate},
                      {"greedy", stage(*greedy)},
                      {"joint", stage(joint)}}
                     .dump()
              << '\n';
    return;
  }
  std::cout << std::setprecision(6) << "DBM " << model.visible() << " - " << model.hidden1()
            << " - " << model.hidden2() << ": " << o.pretrainEpochs
            << " greedy epochs per layer, then " << o.epochs << " joint epochs, batch " << o.batch
            << "\n  training: greedy " << greedySeconds << " s (" << greedyRate
            << " RBM updates/s), joint " << jointSeconds << " s (" << jointRate
            << " DBM updates/s)\n";
  for (const auto& [name, stage] :
       {std::pair{"after greedy pretraining", static_cast<const Stage*>(&*greedy)},
        std::pair{"after joint training", &joint}}) {
    std::cout << "  " << name << ": log Z " << stage->train.logPartition
              << (stage->train.partitionExact ? " (exact)" : " (AIS)") << '\n';
    printScore("train", stage->train, train.rows());
    if (stage->test) printScore("test", *stage->test, test.rows());
  }
  std::cout << "  (exact: log Z summed over every h1 state, log p*(v) over every h2 state; "
               "estimate: log Z by AIS; "
               "the mean-field bound is a lower bound)\n";
  if (!o.out.empty()) std::cout << "  model written to " << o.out << '\n';
}

}  // namespace

void registerFitDbm(CLI::App& fit) {
  auto o = std::make_shared<FitDbmOptions>();
  auto* cmd = fit.add_subcommand(
      "dbm", "Train a two-layer deep Boltzmann machine (greedy RBMs, then jointly)");
  cmd->add_option("--data", o->data, "CSV of images, one per row, 0/1 values (header optional)");
  cmd->add_option("--binarize", o->binarize, "x > T becomes 1, else 0; \"none\": data must be 0/1")
      ->capture_default_str();
  cmd->add_option("--hidden1", o->hidden1, "Units of the first hidden layer");
  cmd->add_option("--hidden2", o->hidden2, "Units of the second hidden layer");
  cmd->add_option("--pretrain-epochs", o->pretrainEpochs, "Greedy epochs per layer (PCD-1)")
      ->capture_default_str();
  cmd->add_option("--epochs", o->epochs, "Joint epochs")->capture_default_str();
  cmd->add_option("--pretrain-lr", o->pretrainLr, "Greedy learning rate")->capture_default_str();
  cmd->add_option("--lr", o->lr, "Joint learning rate")->capture_default_str();
  cmd->add_option("--momentum", o->momentum, "Momentum in [0, 1)")->capture_default_str();
  cmd->add_option("--weight-decay", o->weightDecay, "L2 decay on the weights")
      ->capture_default_str();
  cmd->add_option("--k", o->k, "Gibbs sweeps of the persistent chains per joint update")
      ->capture_default_str();
  cmd->add_option("--mean-field-iterations", o->meanFieldIterations,
                  "Most fixed-point iterations per joint update")
      ->capture_default_str();
  cmd->add_option("--batch", o->batch, "Minibatch size (and the number of persistent chains)")
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the initial weights, the order and every sample")
      ->capture_default_str();
  cmd->add_option("--test", o->test, "CSV of held-out images to score (binarised alike)");
  cmd->add_flag("--json", o->json, "Print the figures as one JSON object");
  cmd->add_option("--out", o->out, "Write the trained model JSON here");
  cmd->add_option("--ais-runs", o->aisRuns, "AIS: independent runs (M)")->capture_default_str();
  cmd->add_option("--ais-betas", o->aisBetas, "AIS: intermediate temperatures (linear)")
      ->capture_default_str();
  cmd->add_option("--exact-bits", o->exactBits,
                  "Enumerate exactly when the smaller layer has at most this many units")
      ->capture_default_str();
  cmd->callback([o] { runFitDbm(*o); });
}

}  // namespace genlab::cli
