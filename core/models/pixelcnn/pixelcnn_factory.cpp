#include "core/models/pixelcnn/pixelcnn_factory.h"

#include "core/data/image_datasets.h"
#include "core/models/pixelcnn/pixelcnn_trainer.h"
#include "core/platform/threading.h"
#include "core/util/rng.h"

namespace genlab::pixelcnn {
namespace {

// The same stream registry.cpp gives the other models' data.
constexpr std::uint64_t kDatasetStream = 0x9E3779B97F4A7C15ull;

}  // namespace

std::unique_ptr<train::Trainer> makePixelCnn(const lesson::Lesson& lesson, std::uint64_t seed) {
  // Settings first: a typo is reported before a 60000-image file is read.
  const PixelCnnConfig config = PixelCnnConfig::fromJson(lesson.settings);
  Rng dataRng(seed ^ kDatasetStream);
  data::ImageSplit split =
      data::makeImageDatasets(lesson.dataset, dataRng, lesson.file.parent_path());
  return std::make_unique<PixelCnnTrainer>(config, std::move(split), seed,
                                           platform::currentThreadSettings().intraOpThreads);
}

}  // namespace genlab::pixelcnn
