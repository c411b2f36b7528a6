// genlab leaderboard: every model on the same held-out binarised images, in nats per image
// (core/eval/likelihood_leaderboard.h).

#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli/commands.h"
#include "core/eval/likelihood_leaderboard.h"
#include "core/util/errors.h"

namespace genlab::cli {
namespace {

struct LeaderboardCliOptions {
  std::string data = "digits";
  std::string testData;
  std::string binarize = "threshold";
  int test = -1;
  eval::LeaderboardOptions board;
  bool json = false;
};

// --data NAME or FILE into an image dataset spec (core/data/image_datasets.h).
nlohmann::json datasetSpec(const LeaderboardCliOptions& options) {
  nlohmann::json spec;
  if (options.data == "digits" || options.data == "shapes") {
    spec = {{"kind", options.data}, {"test", options.test >= 0 ? options.test : 297}};
  } else if (options.data == "fashion-mnist") {
    spec = {{"kind", "fashion_mnist"}};
    if (options.test >= 0) spec["test"] = options.test;
  } else {
    if (options.testData.empty())
      throw ConfigError("--data " + options.data +
                        ": an IDX image file needs --test-data with the held-out images");
    spec = {{"kind", "idx"}, {"train_images", options.data}, {"test_images", options.testData}};
  }
  if (options.binarize != "threshold" && options.binarize != "sample")
    throw ConfigError("--binarize: \"" + options.binarize + "\" (threshold or sample)");
  spec["binarize"] = options.binarize;
  return spec;
}

void printTable(const eval::Leaderboard& board) {
  std::cout << "Held-out log-likelihood, " << board.testImages << " images of " << board.pixels
            << " binary pixels (" << board.trainImages << " for training): " << board.data << "\n"
            << "  NLL = -log p(x) per image, lower is better; a bound's NLL is an upper bound\n\n";
  std::printf("  %-4s %-22s %12s %10s  %-8s %s\n", "rank", "model", "nats/image", "bits/pixel",
              "kind", "what");
  int rank = 1;
  for (const auto& e : board.entries) {
    std::ostringstream nats;
    nats.setf(std::ios::fixed);
    nats.precision(2);
    nats << e.nats;
    if (e.kind == eval::FigureKind::kEstimate) nats << " +- " << e.standardError;
    std::printf("  %-4d %-22s %12s %10.4f  %-8s %s\n", rank++, e.model.c_str(), nats.str().c_str(),
                e.nats / std::log(2.0) / board.pixels, eval::toString(e.kind),
                e.description.c_str());
  }
  for (const auto& [model, why] : board.skipped)
    std::cout << "  skipped " << model << ": " << why << "\n";
}

void runLeaderboardCommand(LeaderboardCliOptions& options) {
  options.board.dataset = datasetSpec(options);
  options.board.baseDir = std::filesystem::current_path();
  if (options.board.mixtureComponents < 1) throw ConfigError("--components: at least 1");
  if (options.board.vaeSteps < 1) throw ConfigError("--vae-steps: at least 1");
  if (options.board.importanceSamples < 1) throw ConfigError("--iw-samples: at least 1");
  if (options.board.rbmHidden < 1) throw ConfigError("--rbm-hidden: at least 1");
  if (options.board.pixelCnnSteps < 1) throw ConfigError("--pixelcnn-steps: at least 1");
  const auto board = eval::runLeaderboard(options.board, [&](const std::string& model) {
    if (!options.json) std::cerr << "genlab: leaderboard: training " << model << "\n";
  });
  if (options.json) {
    std::cout << board.toJson().dump(2) << "\n";
  } else {
    printTable(board);
  }
}

}  // namespace

void registerLeaderboard(CLI::App& app) {
  auto options = std::make_shared<LeaderboardCliOptions>();
  auto* cmd = app.add_subcommand(
      "leaderboard",
      "Train every model on the same binarised images and rank them by held-out log-likelihood");
  cmd->add_option("--data", options->data,
                  "digits (scikit-learn's 8x8), shapes, fashion-mnist, or an IDX image file")
      ->capture_default_str();
  cmd->add_option("--test-data", options->testData, "Held-out IDX image file (with an IDX --data)");
  cmd->add_option("--binarize", options->binarize,
                  "threshold (grey >= 0.5 is 1) or sample (1 with the grey value's probability)")
      ->capture_default_str();
  cmd->add_option("--test", options->test, "Held-out images (digits, shapes: default 297)");
  cmd->add_option("--seed", options->board.seed, "Seed: the split, sampling, every model's start")
      ->capture_default_str();
  cmd->add_option(
         "--models", options->board.models,
         "Only these models (independent, naive_bayes, bernoulli_mixture, rbm, dbm, pixelcnn, vae)")
      ->delimiter(',');
  cmd->add_option("--components", options->board.mixtureComponents, "Mixture of Bernoullis: K")
      ->capture_default_str();
  cmd->add_option("--vae-steps", options->board.vaeSteps, "VAE: training steps (batch 128)")
      ->capture_default_str();
  cmd->add_option("--iw-samples", options->board.importanceSamples,
                  "VAE: samples of the importance-weighted bound")
      ->capture_default_str();
  cmd->add_option("--pixelcnn-steps", options->board.pixelCnnSteps,
                  "PixelCNN: training steps (batch 64)")
      ->capture_default_str();
  cmd->add_option("--rbm-hidden", options->board.rbmHidden,
                  "RBM: hidden units of the larger RBM (scored by AIS above 20)")
      ->capture_default_str();
  cmd->add_flag("--json", options->json, "Print JSON");
  cmd->callback([options] { runLeaderboardCommand(*options); });
}

}  // namespace genlab::cli
