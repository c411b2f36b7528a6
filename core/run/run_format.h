#pragma once
// The run folder format (README "Run folders"), shared by its writer and its reader:
//
//   run.json          what the run is and where it stands (schema below), rewritten atomically
//   metrics.csv       "step,wall_time,<metric>..." one row per training step; wall_time is
//                     seconds of training since the run began (a resumed run continues the
//                     clock); flushed at every checkpoint and at least every 0.2 s
//   checkpoints/      step-<N>.<ext>, the model's own format (".json" for the Eigen models,
//                     ".pt" for LibTorch archives), each written to a temporary name and renamed
//
// run.json keys (format 2): format, genlab_version, origin ("train", "lab", "sweep"), lesson_id,
// lesson_file, lesson (the whole lesson as it was read), overrides ("key=value" given at start),
// title, model, dataset, settings (the trainer's settings now), settings_at_start, seed,
// steps_requested, status ("running", "finished", "interrupted", "failed"), message, host, pid,
// pid_start, started, ended, heartbeat (ISO 8601 UTC), steps_done, metrics (column names),
// checkpoints ([{step, file, bytes}]), checkpoint_budget_bytes, events ([{step, kind, ...}]:
// settings changed, edits by hand, resumes).
//
// Format 1 (genlab 0.1 before run folders could be reopened) had no "format" key, checkpoints as
// a list of file names, and no wall_time column; the reader still opens it.

namespace genlab::run {

inline constexpr int kRunFormat = 2;
inline constexpr const char* kRunFile = "run.json";
inline constexpr const char* kMetricsFile = "metrics.csv";
inline constexpr const char* kCheckpointFolder = "checkpoints";

}  // namespace genlab::run
