#include "core/models/vae/vae_factory.h"

#include "core/data/image_datasets.h"
#include "core/models/vae/vae_trainer.h"
#include "core/platform/threading.h"
#include "core/util/rng.h"

namespace genlab::vae {
namespace {

// The same stream registry.cpp gives the other models' data.
constexpr std::uint64_t kDatasetStream = 0x9E3779B97F4A7C15ull;

}  // namespace

std::unique_ptr<train::Trainer> makeVae(const lesson::Lesson& lesson, std::uint64_t seed) {
  // Settings first: a typo is reported before a 60000-image file is read.
  const VaeConfig config = VaeConfig::fromJson(lesson.settings);
  Rng dataRng(seed ^ kDatasetStream);
  data::ImageSplit split =
      data::makeImageDatasets(lesson.dataset, dataRng, lesson.file.parent_path());
  auto trainer = std::make_unique<VaeTrainer>(config, std::move(split), seed);
  trainer->setThreads(platform::currentThreadSettings().intraOpThreads);
  return trainer;
}

}  // namespace genlab::vae
