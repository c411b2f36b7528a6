#pragma once
// Reading a run folder's run.json (core/run/run_format.h): what the run is, where it stands,
// and which checkpoints it has. Tolerates what a crash leaves: a "running" status whose
// process is gone reads as "interrupted", and a checkpoint renamed into place just before the
// crash (so not yet listed in run.json) is found on disk.

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/run/checkpoint_schedule.h"

namespace genlab::run {

struct RunInfo {
  std::filesystem::path folder;
  nlohmann::json raw;  // run.json as read
  int format = 1;
  std::string lessonId;
  std::string title;
  std::string model;
  std::string recordedStatus;  // as written: "running", "finished", "interrupted", "failed"
  std::string status;          // what it is: a "running" run whose process is gone is "interrupted"
  std::string message;
  nlohmann::json settings = nlohmann::json::object();  // the trainer's settings, latest
  std::uint64_t seed = 0;
  std::int64_t stepsDone = 0;
  std::string host;
  int pid = 0;
  std::string started;
  std::string ended;
  std::vector<std::string> metricNames;
  std::vector<CheckpointRecord> checkpoints;  // ordered by step; files relative to `folder`

  // The newest checkpoint at or before `step` (or the first one when all are later).
  const CheckpointRecord* checkpointAtOrBefore(std::int64_t step) const;
  const CheckpointRecord* lastCheckpoint() const {
    return checkpoints.empty() ? nullptr : &checkpoints.back();
  }
};

// Whether `folder` holds a run.json.
bool isRunFolder(const std::filesystem::path& folder);

// Reads `folder`/run.json. Throws DataError naming the file: not a run folder, not JSON, a
// run written by a newer genlab (a format above kRunFormat), a required key missing or of the
// wrong type.
RunInfo readRunInfo(const std::filesystem::path& folder);

// The lesson a run was trained from, with its start-time overrides applied, to build a trainer
// that a checkpoint of the run loads into. Data paths resolve against the lesson file's folder
// as recorded. Throws ConfigError naming run.json when the run does not record its lesson
// (format 1 runs that only name the file fall back to reading it).
lesson::Lesson runLesson(const RunInfo& info);

// Settings that tell this run apart from its lesson: keys set at start by --set or "Duplicate
// with a change", and keys changed by hand during the run, with their current values.
nlohmann::json settingsChangedFromLesson(const RunInfo& info);

}  // namespace genlab::run
