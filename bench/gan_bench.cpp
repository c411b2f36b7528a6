// Training steps of the two GANs, the C++ side of bench/run_gan_compare.sh (the Python peer is
// bench/peers/gan_torch.py, the same models in PyTorch):
//   BM_Gan2dStep            toy 2-D GAN, ring8, G and D with two hidden layers of 128, batch
//                           256, non-saturating loss, Adam, k = 1; visuals never recomputed
//   BM_Gan2dStepWithVisuals the same with the lab's visuals (96x96 field, manifold, arrows,
//                           measures) recomputed every 100 ms, as when the lab is open
//   BM_DcganStep            pytorch/examples' DCGAN on 28x28, batch 64, k = 1
// Threads: $GENLAB_GAN_BENCH_THREADS (default 1), given to torch::set_num_threads by the
// trainers. Counter "steps_per_s".

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <span>
#include <vector>

#include "bench/bench_main.h"
#include "core/models/gan/gan2d_trainer.h"
#include "core/models/gan/image_gan_trainer.h"
#include "core/util/rng.h"

namespace {

using namespace genlab;

int benchThreads() {
  const char* env = std::getenv("GENLAB_GAN_BENCH_THREADS");
  return env ? std::atoi(env) : 1;
}

void runSteps(benchmark::State& state, train::Trainer& trainer) {
  std::vector<double> metrics(trainer.metricNames().size());
  for (int i = 0; i < 20; ++i) trainer.step(metrics, {});  // warm-up: allocator, Adam state
  for (auto _ : state) trainer.step(metrics, {});
  state.counters["steps_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void gan2d(benchmark::State& state, bool visuals) {
  const gan::GanSettings settings =
      gan::GanSettings::fromJson({{"g_width", 128},
                                  {"g_depth", 2},
                                  {"d_width", 128},
                                  {"d_depth", 2},
                                  {"batch", 256},
                                  {"loss", "non_saturating"},
                                  {"optimizer", "adam"},
                                  {"d_steps", 1}},
                                 gan::GanSettings::defaults(gan::GanFlavour::Toy2d));
  gan::TargetSpec target;
  target.kind = gan::TargetKind::Ring8;
  gan::Gan2dOptions options;
  options.threads = benchThreads();
  if (!visuals) options.visualPeriod = std::chrono::hours(1);
  gan::Gan2dTrainer trainer(settings, target, 1, options);
  runSteps(state, trainer);
}

void BM_Gan2dStep(benchmark::State& state) {
  gan2d(state, false);
}
void BM_Gan2dStepWithVisuals(benchmark::State& state) {
  gan2d(state, true);
}

void BM_DcganStep(benchmark::State& state) {
  // Random images: a step's cost does not depend on what the pixels show.
  data::ImageSet images;
  images.count = 2000;
  images.height = images.width = 28;
  Rng rng(1);
  images.pixels.resize(static_cast<std::size_t>(images.count) * 784);
  for (float& p : images.pixels) p = static_cast<float>(rng.uniform());
  const gan::GanSettings settings = gan::GanSettings::defaults(gan::GanFlavour::Image);
  gan::ImageGanOptions options;
  options.threads = benchThreads();
  options.picturePeriod = std::chrono::hours(1);
  gan::ImageGanTrainer trainer(settings, std::move(images), 1, options);
  runSteps(state, trainer);
}

}  // namespace

BENCHMARK(BM_Gan2dStep)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Gan2dStepWithVisuals)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DcganStep)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
GENLAB_BENCHMARK_MAIN();
