#pragma once
// Rebuilding a recorded run's trainer at one of its checkpoints: for `genlab train --resume`,
// the lab's Resume button, and showing a recorded run at a step.

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/run/run_info.h"
#include "core/train/trainer.h"

namespace genlab::run {

struct RestoredTrainer {
  std::unique_ptr<train::Trainer> trainer;
  CheckpointRecord checkpoint;        // the one loaded
  std::vector<std::string> problems;  // newer checkpoints that failed to load, with why
};

// Builds the trainer of `info`'s lesson and seed (the data is regenerated from them), then
// loads the newest checkpoint at or before `step` that loads; each one that fails is reported
// in `problems` and the next older one is tried. Throws DataError naming the run when the
// lesson cannot be rebuilt or no checkpoint loads.
RestoredTrainer restoreTrainer(const RunInfo& info,
                               std::int64_t step = std::numeric_limits<std::int64_t>::max());

}  // namespace genlab::run
