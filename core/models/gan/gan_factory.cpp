#include "core/models/gan/gan_factory.h"

#include "core/data/image_datasets.h"
#include "core/models/gan/gan2d_trainer.h"
#include "core/models/gan/image_gan_trainer.h"
#include "core/platform/threading.h"
#include "core/util/rng.h"

namespace genlab::gan {

namespace {
// As in core/models/registry.cpp: the data has its own stream of the session seed.
constexpr std::uint64_t kDatasetStream = 0x9E3779B97F4A7C15ull;
}  // namespace

std::unique_ptr<train::Trainer> makeGan2d(const lesson::Lesson& lesson, std::uint64_t seed) {
  const TargetSpec target = TargetSpec::fromJson(lesson.dataset);
  const GanSettings settings =
      GanSettings::fromJson(lesson.settings, GanSettings::defaults(GanFlavour::Toy2d));
  Gan2dOptions options;
  options.threads = platform::currentThreadSettings().intraOpThreads;
  return std::make_unique<Gan2dTrainer>(settings, target, seed, options);
}

std::unique_ptr<train::Trainer> makeImageGan(const lesson::Lesson& lesson, std::uint64_t seed) {
  const GanSettings settings =
      GanSettings::fromJson(lesson.settings, GanSettings::defaults(GanFlavour::Image));
  Rng dataRng(seed ^ kDatasetStream);
  data::ImageSplit split =
      data::makeImageDatasets(lesson.dataset, dataRng, lesson.file.parent_path());
  ImageGanOptions options;
  options.threads = platform::currentThreadSettings().intraOpThreads;
  return std::make_unique<ImageGanTrainer>(settings, std::move(split.train), seed, options);
}

}  // namespace genlab::gan
