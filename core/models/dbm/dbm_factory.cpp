#include "core/models/dbm/dbm_factory.h"

#include "core/data/image_datasets.h"
#include "core/models/dbm/dbm_trainer.h"
#include "core/platform/threading.h"
#include "core/util/rng.h"

namespace genlab::dbm {
namespace {

// The same stream registry.cpp gives the other models' data.
constexpr std::uint64_t kDatasetStream = 0x9E3779B97F4A7C15ull;

}  // namespace

std::unique_ptr<train::Trainer> makeDbm(const lesson::Lesson& lesson, std::uint64_t seed) {
  const DbmConfig config = DbmConfig::fromJson(lesson.settings);  // before reading any images
  Rng dataRng(seed ^ kDatasetStream);
  data::ImageSplit split =
      data::makeImageDatasets(lesson.dataset, dataRng, lesson.file.parent_path());
  auto trainer = std::make_unique<DbmTrainer>(config, std::move(split), seed);
  trainer->setThreads(platform::currentThreadSettings().intraOpThreads);
  return trainer;
}

}  // namespace genlab::dbm
