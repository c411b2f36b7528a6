#pragma once
// A Slurm job-array script for a sweep: array task i runs exactly the `genlab train` command of
// the sweep's run i into the sweep folder, so the folder fills as the cluster works through it
// and opens in the lab like a local sweep. genlab writes the script; it never submits it.

#include <filesystem>
#include <string>
#include <vector>

#include "core/run/sweep_plan.h"

namespace genlab::run {

struct SlurmTask {
  int index = 0;                       // the run's index, which is its array task id
  std::vector<std::string> arguments;  // after the executable (run/sweep_jobs.h)
};

// `executable` and every path in the arguments should be absolute: the script runs on another
// node, from another directory. `#SBATCH --array` lists the tasks' indices ("0-11" when they
// run from 0 without a gap). Each task's output goes to <sweep>/logs/slurm-<job>_<task>.log.
std::string slurmArrayScript(const SweepPlan& plan, const std::filesystem::path& sweepFolder,
                             const std::filesystem::path& executable,
                             const std::vector<SlurmTask>& tasks);

// "0-11", or "3,5-7,10": ranges of consecutive indices, as sbatch --array takes them.
std::string arrayRanges(const std::vector<int>& sortedIndices);

// A word the shell reads back as exactly `word` (single quotes unless it needs none).
std::string shellQuote(const std::string& word);

}  // namespace genlab::run
