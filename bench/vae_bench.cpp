// Seconds per epoch of genlab's VAE on Fashion-MNIST (60k images, batch 128, Adam 1e-3,
// Bernoulli decoder) and its test ELBO (all 10k test images) after the epochs, printed as one
// JSON line. bench/run_vae_compare.sh runs it next to the same model in Python
// (bench/peers/vae_torch.py). Not a Google Benchmark: one epoch is the unit the issue measures.
//
// Usage: genlab_vae_bench [--arch mlp|conv] [--latent 20] [--hidden 400] [--epochs 3]
//                         [--threads 2] [--seed 1]
//
// With --mig STEPS: the disentanglement check instead. The shapes lesson's model
// (assets/lessons/vae_shapes_beta.json: MLP 784-256-10, batch 64, warm-up 500) is trained for
// STEPS steps at beta = 1 and at beta = 4 for each of --seeds seeds (default 3; the same seeds,
// hence the same data splits, for both betas), and the held-out MIG is printed per run with the
// mean and the best per beta.
//
// With --lab STEPS: what the lab's views cost the trainer. The 2-D Fashion-MNIST lesson's model
// trains STEPS steps headless (Trainer::step in a loop, as `genlab train` does), then STEPS
// steps in a train::Session (snapshots every 8 ms, as in the lab) while a stand-in for the UI
// thread reads the latest snapshot 60 times a second and, for every new encoding, asks the
// trainer for what the views ask: the probe's decoded image and the two interpolation strips.
// No rendering: on the 2-core machine the software rasteriser's cost is the lab's, whatever
// the model; this isolates what the VAE's snapshots and requests take from training.

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/data/image_datasets.h"
#include "core/lesson/lesson.h"
#include "core/models/vae/vae_trainer.h"
#include "core/platform/process_setup.h"
#include "core/train/session.h"

namespace {

// MIG after `steps` steps of the shapes lesson's model at `beta`, data and weights from `seed`.
double shapesMig(double beta, int steps, int seed, int threads) {
  const auto lesson = genlab::lesson::loadLesson(genlab::lesson::assetsDirectory() / "lessons" /
                                                 "vae_shapes_beta.json");
  genlab::Rng rng(static_cast<std::uint64_t>(seed));
  auto split = genlab::data::makeImageDatasets(lesson.dataset, rng);
  auto config = genlab::vae::VaeConfig::fromJson(lesson.settings);
  config.beta = beta;
  config.evalEvery = steps;  // evaluate at the end (and early on, which is cheap)
  genlab::vae::VaeTrainer trainer(config, std::move(split), static_cast<std::uint64_t>(seed));
  trainer.setThreads(threads);
  std::vector<double> metrics(trainer.metricNames().size());
  for (int s = 0; s < steps; ++s) trainer.step(metrics, {});
  return trainer.lastEvaluation().mig;
}

int labOverhead(int steps, int threads) {
  using Clock = std::chrono::steady_clock;
  const auto lesson = genlab::lesson::loadLesson(genlab::lesson::assetsDirectory() / "lessons" /
                                                 "vae_fashion_2d.json");
  genlab::Rng rng(0);
  const genlab::data::ImageSplit data = genlab::data::makeImageDatasets(lesson.dataset, rng);
  const auto config = genlab::vae::VaeConfig::fromJson(lesson.settings);
  auto make = [&](std::uint64_t seed) {
    auto trainer = std::make_unique<genlab::vae::VaeTrainer>(config, data, seed);
    trainer->setThreads(threads);
    return trainer;
  };
  double headless = 0.0;
  {
    auto trainer = make(1);
    std::vector<double> metrics(trainer->metricNames().size());
    const auto start = Clock::now();
    for (int s = 0; s < steps; ++s) trainer->step(metrics, {});
    headless = std::chrono::duration<double>(Clock::now() - start).count();
  }
  double lab = 0.0;
  int requests = 0;
  {
    genlab::train::Session session([&](std::uint64_t seed) { return make(seed); }, 1);
    std::atomic<bool> done{false};
    std::jthread ui([&] {
      std::shared_ptr<const genlab::vae::Encoding> shown;
      while (!done.load()) {
        const auto snapshot =
            std::dynamic_pointer_cast<const genlab::vae::VaeSnapshot>(session.latest());
        if (snapshot && snapshot->encoding != shown) {
          shown = snapshot->encoding;
          session.post([](genlab::train::Trainer& t) {
            auto& vae = dynamic_cast<genlab::vae::VaeTrainer&>(t);
            vae.decode({0.5f, -0.5f});
            vae.interpolate(0, 1, 10, false);
            vae.interpolate(0, 1, 10, true);
          });
          ++requests;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(16));
      }
    });
    const auto start = Clock::now();
    session.stepN(steps);
    session.waitUntilIdle(std::chrono::hours(1));
    lab = std::chrono::duration<double>(Clock::now() - start).count();
    done = true;
  }
  std::cout << nlohmann::json{{"side", "genlab"},
                              {"check", "lab"},
                              {"steps", steps},
                              {"threads", threads},
                              {"headless_s", headless},
                              {"session_with_views_s", lab},
                              {"view_requests", requests},
                              {"slowdown_percent", 100.0 * (lab / headless - 1.0)}}
                   .dump()
            << '\n';
  return 0;
}

int migComparison(int steps, int seeds, int threads) {
  nlohmann::json out = {{"side", "genlab"}, {"check", "mig"}, {"steps", steps}};
  for (double beta : {1.0, 4.0}) {
    std::vector<double> migs;
    for (int seed = 1; seed <= seeds; ++seed) migs.push_back(shapesMig(beta, steps, seed, threads));
    out[beta == 1.0 ? "beta1" : "beta4"] = migs;
  }
  std::cout << out.dump() << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  genlab::platform::prepareProcess(argc, argv);  // as genlab runs
  std::string arch = "mlp";
  int latent = 20, hidden = 400, epochs = 3, threads = 2, seed = 1, migSteps = 0, seeds = 3,
      labSteps = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const std::string value = argv[i + 1];
    if (key == "--arch")
      arch = value;
    else if (key == "--latent")
      latent = std::stoi(value);
    else if (key == "--hidden")
      hidden = std::stoi(value);
    else if (key == "--epochs")
      epochs = std::stoi(value);
    else if (key == "--threads")
      threads = std::stoi(value);
    else if (key == "--seed")
      seed = std::stoi(value);
    else if (key == "--mig")
      migSteps = std::stoi(value);
    else if (key == "--seeds")
      seeds = std::stoi(value);
    else if (key == "--lab")
      labSteps = std::stoi(value);
    else {
      std::cerr << "unknown option " << key << '\n';
      return 2;
    }
  }
  try {
    if (migSteps > 0) return migComparison(migSteps, seeds, threads);
    if (labSteps > 0) return labOverhead(labSteps, threads);
    genlab::Rng rng(0);
    genlab::data::ImageSplit split =
        genlab::data::makeImageDatasets({{"kind", "fashion_mnist"}}, rng);
    const genlab::data::ImageSet test = split.test;
    const int trainCount = split.train.count;
    genlab::vae::VaeConfig config = genlab::vae::VaeConfig::fromJson({{"architecture", arch},
                                                                      {"latent", latent},
                                                                      {"hidden", hidden},
                                                                      {"batch", 128},
                                                                      {"lr", 1e-3},
                                                                      {"eval_every", 1000000000}});
    genlab::vae::VaeTrainer trainer(config, std::move(split), static_cast<std::uint64_t>(seed));
    trainer.setThreads(threads);
    const std::int64_t stepsPerEpoch = (trainCount + config.batch - 1) / config.batch;
    std::vector<double> metrics(trainer.metricNames().size());
    std::vector<double> seconds;
    for (int e = 0; e < epochs; ++e) {
      const auto start = std::chrono::steady_clock::now();
      for (std::int64_t s = 0; s < stepsPerEpoch; ++s) trainer.step(metrics, {});
      seconds.push_back(
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    const double testElbo = trainer.elboOf(test, 12345);
    std::cout << nlohmann::json{{"side", "genlab"},      {"arch", arch},
                                {"threads", threads},    {"epochs", seconds},
                                {"test_elbo", testElbo}, {"steps_per_epoch", stepsPerEpoch}}
                     .dump()
              << '\n';
  } catch (const std::exception& error) {
    std::cerr << "genlab_vae_bench: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
