#pragma once
// Where each run of a sweep stands, and the `genlab train` command that trains it: the same
// command whether the sweep runs it here (core/run/sweep_runner.h) or a Slurm array task does
// (core/run/sweep_slurm.h). The run folder is the only contract between them and the lab.

#include <filesystem>
#include <string>
#include <vector>

#include "core/run/sweep_plan.h"

namespace genlab::run {

enum class SweepRunState {
  kMissing,      // no run folder, or one without run.json (its start was cut short)
  kFinished,     // run.json says "finished"
  kInterrupted,  // stopped, or its process is gone: `train --resume` continues it
  kFailed,       // failed (NaN, a bad checkpoint), unreadable, or stopped before its first
                 // checkpoint: trained again from scratch
  kRunning,      // another process trains it now
};

struct SweepRunStatus {
  SweepRunState state = SweepRunState::kMissing;
  std::string detail;  // the status, or why the folder could not be read
};

SweepRunStatus inspectSweepRun(const std::filesystem::path& sweepFolder, const SweepRunPlan& run);

// The arguments after the executable: `train LESSON --set k=v... --seed S --steps N --origin
// sweep --quiet --out <sweep>/<run>` for a run not started, `train --resume <sweep>/<run>
// --steps N --quiet` for an interrupted one. Paths are as given (make them absolute for Slurm).
std::vector<std::string> trainArguments(const SweepPlan& plan, const SweepRunPlan& run,
                                        const std::filesystem::path& sweepFolder,
                                        SweepRunState state);

// The genlab executable children run: genlab-cli when it sits beside `self` (no display
// libraries to load, and it runs on cluster nodes without them), else `self`. Absolute.
std::filesystem::path childExecutable(const std::filesystem::path& self);

}  // namespace genlab::run
