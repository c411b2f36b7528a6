#include "app/cli/fit_rbm.h"

#include <charconv>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "app/cli/binarize_option.h"
#include "core/data/csv_cell_checks.h"
#include "core/data/csv_matrix.h"
#include "core/models/rbm/rbm_evaluation.h"
#include "core/models/rbm/rbm_learning.h"
#include "core/models/rbm/rbm_model.h"
#include "core/platform/threading.h"
#include "core/util/errors.h"
#include "core/util/file_write.h"
#include "core/util/rng.h"

namespace genlab::cli {
namespace {

using nlohmann::json;
using rbm::Rbm;

struct FitRbmOptions {
  std::string data;
  std::string binarize = "none";
  int hidden = 0;
  int cd = 0;  // 0: not given
  bool pcd = false;
  int epochs = 10;
  double lr = 0.1;
  double momentum = 0.0;
  double weightDecay = 0.0;
  int batch = 10;
  std::uint64_t seed = 0;
  std::string test;
  std::string init;
  bool json = false;
  std::string out;
  int aisRuns = 100;
  int aisBetas = 10000;
  int exactBits = 20;
};

// Sampling draws from a stream of the seed apart from the initial weights'.
constexpr std::uint64_t kSamplingStream = 0xD1B54A32D192ED03ULL;

}  // namespace

// Declared in fit_rbm.h (`genlab fit dbm` reads its images with it too).
Eigen::MatrixXd readImages(const std::string& file, const std::optional<double>& threshold,
                           Eigen::Index columns) {
  const data::CsvMatrix csv = data::readCsvMatrix(file);
  if (columns >= 0 && csv.values.cols() != columns) {
    throw DataError(data::csvRowWhere(file, csv, 0) + ": " + std::to_string(csv.values.cols()) +
                    " columns, expected " + std::to_string(columns) + " (one per visible unit)");
  }
  Eigen::MatrixXd v = csv.values;
  if (threshold) {
    v = (v.array() > *threshold).cast<double>().matrix();
    return v;
  }
  data::requireBinaryCells(csv, file, "not 0 or 1 (give --binarize T to turn x > T into 1)");
  return v;
}

namespace {

void validate(const FitRbmOptions& o) {
  if (o.data.empty()) throw ConfigError("--data: required");
  if (o.init.empty() && o.hidden < 1) {
    throw ConfigError("--hidden: required, at least 1 (or start from --init MODEL.json)");
  }
  if (o.cd != 0 && o.pcd) {
    throw ConfigError("--cd and --pcd: choose one (--pcd is PCD-1, --cd K is CD-K)");
  }
  if (o.cd < 0 || o.cd > 1000)
    throw ConfigError("--cd: " + std::to_string(o.cd) + " is out of range [1, 1000]");
  if (o.epochs < 0) throw ConfigError("--epochs: " + std::to_string(o.epochs) + " is negative");
  if (!(o.lr > 0.0) || !std::isfinite(o.lr)) throw ConfigError("--lr: must be a finite number > 0");
  if (!(o.momentum >= 0.0 && o.momentum < 1.0)) throw ConfigError("--momentum: must be in [0, 1)");
  if (!(o.weightDecay >= 0.0) || !std::isfinite(o.weightDecay)) {
    throw ConfigError("--weight-decay: must be a finite number >= 0");
  }
  if (o.batch < 1) throw ConfigError("--batch: " + std::to_string(o.batch) + " must be at least 1");
  if (o.aisRuns < 2) throw ConfigError("--ais-runs: at least 2 (for a standard error)");
  if (o.aisBetas < 1) throw ConfigError("--ais-betas: at least 1");
  if (o.exactBits < 0 || o.exactBits > 26) throw ConfigError("--exact-bits: must be in [0, 26]");
}

json scoreJson(const rbm::DataScore& score, Eigen::Index images) {
  return {{"images", images},
          {"log_likelihood", score.logLikelihood},
          {"pseudo_likelihood", score.pseudoLikelihood},
          {"free_energy", score.freeEnergy}};
}

void printScore(const char* name, const rbm::DataScore& score, Eigen::Index images,
                const rbm::PartitionEstimate& z) {
  std::cout << "  " << name << " (" << images << " images): log-likelihood " << score.logLikelihood
            << " nats per image";
  if (!z.exact) std::cout << " (AIS, +- " << z.standardError << ")";
  std::cout << ", pseudo-likelihood " << score.pseudoLikelihood << ", mean free energy "
            << score.freeEnergy << '\n';
}

void runFitRbm(const FitRbmOptions& o) {
  validate(o);
  const std::optional<double> threshold = parseBinarizeOption(o.binarize);
  const Eigen::MatrixXd train = readImages(o.data, threshold);
  Rbm model;
  if (!o.init.empty()) {
    model = rbm::readRbmFile(o.init);
    if (model.visible() != train.cols()) {
      throw DataError(o.init + ": weights has " + std::to_string(model.visible()) + " rows, " +
                      o.data + " has " + std::to_string(train.cols()) + " columns");
    }
    if (o.hidden > 0 && o.hidden != model.hidden()) {
      throw ConfigError("--hidden: " + std::to_string(o.hidden) + ", but " + o.init + " has " +
                        std::to_string(model.hidden()) + " hidden units");
    }
  } else {
    model = Rbm::random(train.cols(), o.hidden, o.seed);
  }
  const Eigen::MatrixXd test =
      o.test.empty() ? Eigen::MatrixXd() : readImages(o.test, threshold, train.cols());

  rbm::LearningSettings learning;
  learning.persistent = o.pcd;
  learning.cdSteps = o.cd > 0 ? o.cd : 1;
  learning.learningRate = o.lr;
  learning.momentum = o.momentum;
  learning.weightDecay = o.weightDecay;
  rbm::ContrastiveDivergence learner(learning, model.visible(), model.hidden(), o.batch);
  Rng rng(o.seed ^ kSamplingStream);
  const rbm::UniformFill uniforms = rbm::uniformsFrom(rng);
  const Eigen::Index n = train.rows();
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    for (Eigen::Index start = 0; start < n; start += o.batch) {
      const Eigen::Index rows = std::min<Eigen::Index>(o.batch, n - start);
      learner.update(model, train.middleRows(start, rows), uniforms);
    }
    if (!model.weights.allFinite() || !model.visibleBias.allFinite() ||
        !model.hiddenBias.allFinite()) {
      throw NumericError("RBM weights became NaN or infinite in epoch " +
                         std::to_string(epoch + 1) + " (try a smaller --lr)");
    }
  }

  rbm::AisSettings ais;
  ais.runs = o.aisRuns;
  ais.betas = o.aisBetas;
  ais.seed = o.seed;
  ais.threads = platform::currentThreadSettings().intraOpThreads;
  const rbm::PartitionEstimate z = rbm::estimateLogPartition(model, train, ais, o.exactBits);
  const rbm::DataScore trainScore = rbm::scoreData(model, train, z.logPartition);
  const std::optional<rbm::DataScore> testScore =
      o.test.empty() ? std::nullopt : std::optional(rbm::scoreData(model, test, z.logPartition));

  if (!o.out.empty()) writeWholeFile(o.out, rbm::toJson(model).dump() + "\n");
  const std::string method = learning.persistent ? "pcd" : "cd";
  if (o.json) {
    json out = {{"visible", model.visible()},
                {"hidden", model.hidden()},
                {"method", method},
                {"k", learning.cdSteps},
                {"epochs", o.epochs},
                {"batch", o.batch},
                {"lr", o.lr},
                {"log_partition",
                 {{"value", z.logPartition},
                  {"method", z.exact ? "exact" : "ais"},
                  {"standard_error", z.standardError}}},
                {"train", scoreJson(trainScore, train.rows())}};
    if (!z.exact) {
      out["log_partition"]["ais_runs"] = o.aisRuns;
      out["log_partition"]["ais_betas"] = o.aisBetas;
    }
    if (testScore) out["test"] = scoreJson(*testScore, test.rows());
    std::cout << out.dump() << '\n';
    return;
  }
  std::cout << std::setprecision(6) << "RBM " << model.visible() << " visible x " << model.hidden()
            << " hidden, " << (learning.persistent ? "PCD-" : "CD-") << learning.cdSteps << ", "
            << o.epochs << " epochs, batch " << o.batch << ", lr " << o.lr << '\n';
  std::cout << "  log Z " << z.logPartition;
  if (z.exact) {
    std::cout << " (exact: 2^" << std::min(model.visible(), model.hidden())
              << " states enumerated)\n";
  } else {
    std::cout << " (AIS estimate, " << o.aisRuns << " runs x " << o.aisBetas
              << " linear betas, standard error " << z.standardError << ")\n";
  }
  printScore("train", trainScore, train.rows(), z);
  if (testScore) printScore("test", *testScore, test.rows(), z);
  std::cout << "  (pseudo-likelihood: the sum over every pixel of log p(pixel | the others); "
               "not a likelihood)\n";
  if (!o.out.empty()) std::cout << "  model written to " << o.out << '\n';
}

}  // namespace

void registerFitRbm(CLI::App& fit) {
  auto o = std::make_shared<FitRbmOptions>();
  auto* cmd =
      fit.add_subcommand("rbm", "Train a binary restricted Boltzmann machine (CD-k or PCD)");
  cmd->add_option("--data", o->data, "CSV of images, one per row, 0/1 values (header optional)");
  cmd->add_option("--binarize", o->binarize, "x > T becomes 1, else 0; \"none\": data must be 0/1")
      ->capture_default_str();
  cmd->add_option("--hidden", o->hidden, "Hidden units");
  cmd->add_option("--cd", o->cd, "Contrastive divergence with K Gibbs steps (default CD-1)");
  cmd->add_flag("--pcd", o->pcd, "Persistent contrastive divergence (PCD-1, --batch chains)");
  cmd->add_option("--epochs", o->epochs, "Passes over the data, minibatches in file order")
      ->capture_default_str();
  cmd->add_option("--lr", o->lr, "Learning rate")->capture_default_str();
  cmd->add_option("--momentum", o->momentum, "Momentum in [0, 1)")->capture_default_str();
  cmd->add_option("--weight-decay", o->weightDecay, "L2 decay on the weights")
      ->capture_default_str();
  cmd->add_option("--batch", o->batch, "Minibatch size (and PCD's number of chains)")
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the initial weights and of every sample")
      ->capture_default_str();
  cmd->add_option("--test", o->test, "CSV of held-out images to score (binarised alike)");
  cmd->add_option("--init", o->init,
                  "Start from this model JSON instead of random weights (--epochs 0 scores it)");
  cmd->add_flag("--json", o->json, "Print the figures as one JSON object");
  cmd->add_option("--out", o->out, "Write the trained model JSON here");
  cmd->add_option("--ais-runs", o->aisRuns, "AIS: independent runs (M)")->capture_default_str();
  cmd->add_option("--ais-betas", o->aisBetas, "AIS: intermediate temperatures (linear)")
      ->capture_default_str();
  cmd->add_option("--exact-bits", o->exactBits,
                  "Enumerate log Z exactly when min(visible, hidden) is at most this")
      ->capture_default_str();
  cmd->callback([o] { runFitRbm(*o); });
}

}  // namespace genlab::cli
