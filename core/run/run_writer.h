#pragma once
// Writes a run folder (DESIGN.md "Runs on disk"), the format the lab and the command line share:
//
//   run.json        model, lesson, dataset, settings, seed, version, status, steps done
//   metrics.csv     "step,<metric>,..." one row per step, flushed as it goes
//   checkpoints/    step-<N>.json, each written to a temporary name and renamed
//
// Invariants: run.json is always whole (written to a temporary file, then renamed) and its
// "status" is "running" until finish() records "finished", "interrupted" or "failed"; a run
// folder never holds a half-written checkpoint.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

namespace genlab::train {
class Trainer;
}

namespace genlab::run {

class RunWriter {
 public:
  // Creates `folder` (and parents). Refuses a folder that already holds a run.json, so a run is
  // never overwritten. `info` becomes run.json's body; status and timestamps are added.
  RunWriter(std::filesystem::path folder, nlohmann::json info,
            std::vector<std::string> metricColumns);

  const std::filesystem::path& folder() const { return m_folder; }

  void appendMetrics(std::int64_t step, std::span<const double> values);

  // Saves `trainer`'s checkpoint as checkpoints/step-<N>.json and records it in run.json.
  std::filesystem::path writeCheckpoint(const train::Trainer& trainer);

  void finish(const std::string& status, std::int64_t stepsDone, const std::string& message = "");

 private:
  void writeRunJson();

  std::filesystem::path m_folder;
  nlohmann::json m_info;
  std::ofstream m_metrics;
};

// Writes `text` to `file` through a temporary name in the same folder and a rename.
void writeFileAtomically(const std::filesystem::path& file, const std::string& text);

// A default folder name for a new run: runs/<lesson-id>-<yyyymmdd-hhmmss>.
std::filesystem::path defaultRunFolder(const std::string& lessonId);

}  // namespace genlab::run
