// Steps per second of genlab's char-RNN (core/models/charrnn): one truncated-BPTT minibatch of
// Adam per step, on the fortunes corpus (or the licence texts without Debian's fortunes), its
// vocabulary the corpus's characters, printed as one JSON line. bench/run_charrnn_compare.sh
// runs it beside the same model in Python (bench/peers/charrnn_torch.py). Not a Google
// Benchmark: a step is the unit the issue measures, timed after a warm-up.
//
// Usage: genlab_charrnn_bench [--cell lstm] [--layers 1] [--hidden 256] [--batch 32]
//                             [--bptt 100] [--steps 20] [--warmup 3] [--threads 1]
//                             [--max-chars 4000000] [--seed 1]

#include <time.h>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/models/charrnn/charrnn_trainer.h"
#include "core/platform/process_setup.h"

namespace {

// CPU time of the whole process: on a shared machine, steps per CPU second compare the two
// sides even when other work takes cores away from either.
double processCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
  genlab::platform::prepareProcess(argc, argv);  // as genlab runs
  std::string cell = "lstm";
  int layers = 1, hidden = 256, batch = 32, bptt = 100, steps = 20, warmup = 3, threads = 1,
      seed = 1;
  long long maxChars = 4'000'000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const std::string value = argv[i + 1];
    if (key == "--cell")
      cell = value;
    else if (key == "--layers")
      layers = std::stoi(value);
    else if (key == "--hidden")
      hidden = std::stoi(value);
    else if (key == "--batch")
      batch = std::stoi(value);
    else if (key == "--bptt")
      bptt = std::stoi(value);
    else if (key == "--steps")
      steps = std::stoi(value);
    else if (key == "--warmup")
      warmup = std::stoi(value);
    else if (key == "--threads")
      threads = std::stoi(value);
    else if (key == "--max-chars")
      maxChars = std::stoll(value);
    else if (key == "--seed")
      seed = std::stoi(value);
    else {
      std::cerr << "unknown option " << key << '\n';
      return 2;
    }
  }
  try {
    auto corpus = genlab::charrnn::readCorpus({{"kind", "fortunes"}, {"max_chars", maxChars}});
    const int vocab = corpus.size();
    const auto trainChars = corpus.train.size();
    const auto config = genlab::charrnn::CharRnnConfig::fromJson({{"cell", cell},
                                                                  {"layers", layers},
                                                                  {"hidden", hidden},
                                                                  {"batch", batch},
                                                                  {"bptt", bptt},
                                                                  {"lr", 2e-3},
                                                                  {"clip", 5.0},
                                                                  {"eval_every", 0},
                                                                  {"threads", threads}});
    genlab::charrnn::CharRnnTrainer trainer(config, std::move(corpus),
                                            static_cast<std::uint64_t>(seed));
    std::vector<double> metrics(trainer.metricNames().size());
    for (int s = 0; s < warmup; ++s) trainer.step(metrics, {});
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = processCpuSeconds();
    for (int s = 0; s < steps; ++s) trainer.step(metrics, {});
    const double cpu = processCpuSeconds() - cpuStart;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << nlohmann::json{{"side", "genlab"},          {"cell", cell},
                                {"threads", threads},        {"vocab", vocab},
                                {"train_chars", trainChars}, {"steps", steps},
                                {"seconds", seconds},        {"steps_per_s", steps / seconds},
                                {"cpu_seconds", cpu},        {"steps_per_cpu_s", steps / cpu},
                                {"train_bits", metrics[0]}}
                     .dump()
              << '\n';
  } catch (const std::exception& error) {
    std::cerr << "genlab_charrnn_bench: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
