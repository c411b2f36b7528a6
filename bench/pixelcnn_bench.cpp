// PixelCNN, the C++ side of bench/run_pixelcnn_compare.sh (the Python peer is
// bench/peers/pixelcnn_torch.py, the same networks in PyTorch). Networks of 7 layers, 32
// channels, first kernel 5, on random binary images of side 8 (the digits) and 28
// (Fashion-MNIST):
//   BM_Train/<arch>/<side>   one training step of the trainer: batch 64, Adam 1e-3
//   BM_Grid/<arch>/<side>    a grid of 16 images with the fast sampler (pixelcnn_network.h)
// arch 0 = plain, 1 = gated. Threads: $GENLAB_PIXELCNN_BENCH_THREADS (default 1).
// Counters: steps_per_s, seconds_per_grid.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <vector>

#include "bench/bench_main.h"
#include "core/models/pixelcnn/pixelcnn_trainer.h"
#include "core/util/rng.h"

namespace {

using namespace genlab;

int benchThreads() {
  const char* env = std::getenv("GENLAB_PIXELCNN_BENCH_THREADS");
  return env ? std::atoi(env) : 1;
}

data::ImageSet randomBinary(int count, int side, std::uint64_t seed) {
  data::ImageSet set;
  set.count = count;
  set.height = set.width = side;
  Rng rng(seed);
  set.pixels.resize(static_cast<std::size_t>(count) * side * side);
  for (float& p : set.pixels) p = rng.uniform() < 0.3 ? 1.0f : 0.0f;
  return set;
}

pixelcnn::PixelCnnTrainer makeTrainer(const benchmark::State& state) {
  pixelcnn::PixelCnnConfig config;
  config.architecture =
      state.range(0) == 0 ? pixelcnn::Architecture::kPlain : pixelcnn::Architecture::kGated;
  config.layers = 7;
  config.channels = 32;
  config.kernel = 5;
  config.batch = 64;
  config.evalEvery = 1'000'000'000;  // no held-out evaluation inside the timed steps
  const int side = static_cast<int>(state.range(1));
  return pixelcnn::PixelCnnTrainer(config, {randomBinary(1500, side, 1), randomBinary(16, side, 2)},
                                   1, benchThreads());
}

void BM_Train(benchmark::State& state) {
  pixelcnn::PixelCnnTrainer trainer = makeTrainer(state);
  std::vector<double> metrics(trainer.metricNames().size());
  for (int i = 0; i < 10; ++i) trainer.step(metrics, {});  // warm-up: allocator, Adam state
  for (auto _ : state) trainer.step(metrics, {});
  state.counters["steps_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_Grid(benchmark::State& state) {
  pixelcnn::PixelCnnTrainer trainer = makeTrainer(state);
  for (auto _ : state) benchmark::DoNotOptimize(trainer.drawGrid());
  state.counters["seconds_per_grid"] =
      benchmark::Counter(static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

BENCHMARK(BM_Train)->ArgsProduct({{0, 1}, {8, 28}})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Grid)->ArgsProduct({{0, 1}, {8, 28}})->Unit(benchmark::kMillisecond);

}  // namespace

GENLAB_BENCHMARK_MAIN();
