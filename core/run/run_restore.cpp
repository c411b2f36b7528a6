#include "core/run/run_restore.h"

#include <limits>

#include "core/models/registry.h"
#include "core/util/errors.h"

namespace genlab::run {

RestoredTrainer restoreTrainer(const RunInfo& info, std::int64_t step) {
  RestoredTrainer out;
  const lesson::Lesson lesson = runLesson(info);
  out.trainer = models::makeTrainer(lesson, info.seed);
  for (auto it = info.checkpoints.rbegin(); it != info.checkpoints.rend(); ++it) {
    if (it->step > step) continue;
    try {
      out.trainer->loadCheckpoint(info.folder / it->file);
      out.checkpoint = *it;
      return out;
    } catch (const std::exception& error) {
      out.problems.emplace_back(error.what());
    }
  }
  std::string why =
      info.checkpoints.empty() ? "it has no checkpoints"
      : step == std::numeric_limits<std::int64_t>::max()
          ? "none of its " + std::to_string(info.checkpoints.size()) + " checkpoints loads"
          : "no checkpoint at or before step " + std::to_string(step) + " loads";
  for (const auto& problem : out.problems) why += "\n  " + problem;
  throw DataError(info.folder.string() + ": cannot restore the run: " + why);
}

}  // namespace genlab::run
