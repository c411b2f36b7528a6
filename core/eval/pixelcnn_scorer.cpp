// PixelCNN's entry on the likelihood leaderboard: the gated PixelCNN of the lesson
// (assets/lessons/pixelcnn_digits.json: 7 layers of 16 channels) trained here on the
// leaderboard's split, scored exactly: the NLL of an autoregressive model is a sum of the
// conditionals it outputs, with nothing to estimate.

#include <algorithm>
#include <chrono>
#include <numeric>

#include "core/eval/likelihood_leaderboard.h"
#include "core/models/pixelcnn/pixelcnn_trainer.h"
#include "core/platform/threading.h"

namespace genlab::eval {

std::vector<LeaderboardEntry> scorePixelCnn(const data::ImageSplit& split,
                                            const LeaderboardOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  pixelcnn::PixelCnnConfig config;
  config.architecture = pixelcnn::Architecture::kGated;
  config.layers = 7;
  config.channels = 16;
  config.batch = 64;
  config.evalEvery = std::max(1, options.pixelCnnSteps);
  pixelcnn::PixelCnnTrainer trainer(config, split, options.seed,
                                    platform::currentThreadSettings().intraOpThreads);
  std::vector<double> metrics(trainer.metricNames().size());
  for (int step = 0; step < options.pixelCnnSteps; ++step) {
    throwIfStopped(options);
    trainer.step(metrics, {});
  }
  const auto nll = trainer.nllOf(split.test.pixels, split.test.count);

  LeaderboardEntry entry;
  entry.model = "pixelcnn";
  entry.description = "gated PixelCNN, 7 layers of 16 channels, " +
                      std::to_string(options.pixelCnnSteps) + " steps of batch 64";
  entry.kind = FigureKind::kExact;
  entry.trainSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  entry.nats = std::accumulate(nll.begin(), nll.end(), 0.0) / static_cast<double>(nll.size());
  entry.note = "the sum of the per-pixel conditionals, exact";
  if (options.samples > 0) {
    // One pixel at a time from the fixed uniforms of the lesson's sample grid.
    const std::vector<float> grid = trainer.drawGrid();
    const auto keep =
        std::min(grid.size(), static_cast<std::size_t>(options.samples) *
                                  static_cast<std::size_t>(split.test.pixelsPerImage()));
    entry.samples.assign(grid.begin(), grid.begin() + static_cast<std::ptrdiff_t>(keep));
  }
  return {entry};
}

}  // namespace genlab::eval
