#pragma once
// Finding and summarising the runs under a folder: for `genlab runs list`, `genlab runs show`
// and the lab's runs browser. Reading a summary touches run.json, the checkpoints folder and
// the last 64 KiB of metrics.csv, so a thousand runs list in well under a second.

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/run/run_info.h"

namespace genlab::run {

struct RunSummary {
  RunInfo info;
  nlohmann::json changedSettings = nlohmann::json::object();  // settingsChangedFromLesson
  std::vector<std::string> metricNames;
  std::int64_t lastStep = -1;       // of the last complete metrics row; -1: none yet
  std::vector<double> lastMetrics;  // that row's values
  double wallSeconds = 0.0;         // that row's wall time
  std::uint64_t checkpointBytes = 0;
};

// Where runs live unless told otherwise: $GENLAB_RUNS, else $XDG_DATA_HOME/genlab/runs, else
// ~/.local/share/genlab/runs.
std::filesystem::path defaultRunsDirectory();

RunSummary summarizeRun(const std::filesystem::path& folder);

// Every run folder under `directory` (itself, or up to three levels down: a sweep keeps its
// runs in a folder of its own), sorted by start time, newest first. Folders that fail to read
// are skipped with their message in `problems`. The summaries' info.raw is left empty (use
// summarizeRun for one run's whole run.json).
std::vector<RunSummary> listRuns(const std::filesystem::path& directory,
                                 std::vector<std::string>& problems);

// The summary as JSON (for --json and scripts).
nlohmann::json summaryToJson(const RunSummary& summary);

}  // namespace genlab::run
