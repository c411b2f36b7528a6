#pragma once
// Writes a run folder (core/run/run_format.h), the format the lab and the command line share.
//
// Invariants: run.json is always whole (written to a temporary file, then renamed) and says
// "running" until finish(); a checkpoint file is listed in run.json only once it is whole on
// disk; metrics.csv holds every step up to the newest checkpoint (it is flushed before each
// checkpoint is recorded), so a run killed at any moment loses at most the steps after its
// newest checkpoint. One thread uses a writer (the trainer thread, or the command line's).

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "core/run/checkpoint_schedule.h"
#include "core/util/file_write.h"

namespace genlab::train {
class Trainer;
}

namespace genlab::run {

class RunWriter {
 public:
  // Starts a new run in `folder` (created with its parents). Refuses a folder that already
  // holds a run.json, so a run is never overwritten. `info` becomes run.json's body; the
  // writer adds format, status, host, pid, times, metrics and checkpoints.
  RunWriter(std::filesystem::path folder, nlohmann::json info,
            std::vector<std::string> metricColumns, CheckpointPolicy policy = {});

  // Continues the run in `folder` from its checkpoint at `fromStep` (already loaded into the
  // trainer by the caller): later checkpoints are deleted, metrics.csv keeps the rows up to
  // that step (rewritten atomically), the status becomes "running" again and a "resumed" event
  // is recorded. Throws DataError naming the file when the folder is not a run or the step
  // has no checkpoint.
  static std::unique_ptr<RunWriter> resume(const std::filesystem::path& folder,
                                           std::int64_t fromStep, CheckpointPolicy policy = {});

  ~RunWriter();
  RunWriter(const RunWriter&) = delete;
  RunWriter& operator=(const RunWriter&) = delete;

  const std::filesystem::path& folder() const { return m_folder; }
  const nlohmann::json& info() const { return m_info; }

  // One row: the step, the wall time since the run began, the values.
  void appendMetrics(std::int64_t step, std::span<const double> values);

  // Whether the schedule wants a checkpoint after `step`.
  bool checkpointDue(std::int64_t step) const;

  // Saves `trainer`'s checkpoint as checkpoints/step-<N><ext>, records it in run.json, and
  // deletes what the schedule drops. Returns the file written.
  std::filesystem::path writeCheckpoint(const train::Trainer& trainer);

  // Adds {"step": step, "kind": kind, ...details} to run.json's events.
  void recordEvent(std::int64_t step, const std::string& kind,
                   nlohmann::json details = nlohmann::json::object());
  // The trainer's settings now (after a change by hand).
  void updateSettings(const nlohmann::json& settings);

  // Marks the end: "finished", "interrupted" or "failed" (with its message, and for a failed
  // run `failure`, run.json's "failure" object: docs/RUNS.md "When training fails").
  void finish(const std::string& status, std::int64_t stepsDone, const std::string& message = "",
              nlohmann::json failure = nullptr);
  bool finished() const { return m_finished; }
  // Training goes on after finish() (a failed run whose settings were changed): "running"
  // again, with a "continued" event at `step`; the "failure" object goes (its event stays).
  void reopen(std::int64_t step);

 private:
  RunWriter(std::filesystem::path folder, nlohmann::json info, CheckpointPolicy policy,
            double wallOffset);
  void stampProcess();
  void writeRunJson();
  void flushMetrics();
  double elapsedSeconds() const;

  std::filesystem::path m_folder;
  nlohmann::json m_info;
  CheckpointSchedule m_schedule;
  LineAppender m_metrics;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_lastFlush;
  std::chrono::steady_clock::time_point m_lastHeartbeat;
  double m_wallOffset = 0.0;  // training seconds before this process (a resumed run)
  bool m_finished = false;
};

// Writes `text` to `file` through a temporary name in the same folder and a rename. Throws
// StorageError naming `file` when it cannot (then `file` is as it was).
void writeFileAtomically(const std::filesystem::path& file, const std::string& text);

// The current UTC time as ISO 8601 ("2026-12-04T19:37:11Z").
std::string utcTimestamp();

// A default folder name for a new run: <parent>/<lesson-id>-<yyyymmdd-hhmmss>[-N], the first
// such name that does not exist yet.
std::filesystem::path defaultRunFolder(const std::string& lessonId,
                                       const std::filesystem::path& parent = "runs");

}  // namespace genlab::run
