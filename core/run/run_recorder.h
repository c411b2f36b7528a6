#pragma once
// Records a training session as a run folder: a SessionObserver that owns a RunWriter. The lab
// attaches one to each session it trains (so what was trained five minutes ago can be reopened
// and compared), and `genlab train` drives one directly.
//
// Life of a run: trainerStarted creates the folder and checkpoints the initial state (step 0:
// what a comparison starts from); each step appends its metrics and, when the schedule says so,
// a checkpoint; trainerEnding writes the last checkpoint and marks the run "finished". A reset
// ends one run and starts the next in a new folder. A run that ends with no step taken is
// deleted again, so opening a lesson and closing it leaves nothing behind.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/run/run_writer.h"
#include "core/train/session_observer.h"

namespace genlab::run {

struct RecorderOptions {
  std::filesystem::path runsDirectory;  // new runs go to <runsDirectory>/<lesson>-<time>
  std::filesystem::path folder;         // or exactly here (the first run only; then as above)
  std::filesystem::path resumeFolder;   // or continue this run (the first trainer only)
  std::string origin = "lab";           // "lab", "train" or "sweep"
  std::vector<std::string> overrides;   // "key=value" applied to the lesson at start
  std::int64_t stepsRequested = 0;      // recorded for `genlab train`; 0: not recorded
  CheckpointPolicy checkpoints;
};

class RunRecorder final : public train::SessionObserver {
 public:
  // `lesson` as it was read, before `options.overrides` (run.json keeps both).
  RunRecorder(lesson::Lesson lesson, RecorderOptions options);
  ~RunRecorder() override;

  void trainerStarted(const train::Trainer& trainer, std::uint64_t seed) override;
  void stepped(const train::Trainer& trainer, std::span<const double> metrics) override;
  void settingChanged(const train::Trainer& trainer, const std::string& key,
                      const nlohmann::json& value) override;
  // Saves the last good state (the trainer's, now) as a checkpoint at once, off the schedule,
  // and marks the run "failed" with the failure; the next step reopens it.
  void stepFailed(const train::Trainer& trainer, const train::TrainingFailure& failure) override;
  void trainerEnding(const train::Trainer& trainer) override;

  // Ends the current run now with `status` (the command line's own end of a run).
  void endRun(const train::Trainer& trainer, const std::string& status,
              const std::string& message = "");

  // The folder of the run being recorded (empty before the first trainer or after the end).
  // Any thread may ask.
  std::filesystem::path currentFolder() const;

 private:
  void startNewRun(const train::Trainer& trainer, std::uint64_t seed);
  // A write failed (StorageError): marks the run failed with `message` where it still can, and
  // stops recording. The caller rethrows, so training stops too.
  void stopAfterStorageError(std::int64_t step, const std::string& message);

  lesson::Lesson m_lesson;
  RecorderOptions m_options;
  std::unique_ptr<RunWriter> m_writer;
  std::int64_t m_firstStep = 0;  // steps the trainer had when this run began
  std::int64_t m_lastCheckpointStep = -1;
  bool m_failed = false;
  bool m_usedFixedFolder = false;
  bool m_usedResume = false;
  bool m_currentIsResumed = false;  // the run being recorded was resumed: never delete it
  mutable std::mutex m_folderMutex;
  std::filesystem::path m_folder;
};

}  // namespace genlab::run
