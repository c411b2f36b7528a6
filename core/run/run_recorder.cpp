#include "core/run/run_recorder.h"

#include "core/run/run_format.h"
#include "core/train/trainer.h"
#include "core/util/errors.h"

namespace genlab::run {
namespace fs = std::filesystem;
using nlohmann::json;

RunRecorder::RunRecorder(lesson::Lesson lesson, RecorderOptions options)
    : m_lesson(std::move(lesson)), m_options(std::move(options)) {}

RunRecorder::~RunRecorder() = default;

fs::path RunRecorder::currentFolder() const {
  std::lock_guard lock(m_folderMutex);
  return m_folder;
}

void RunRecorder::trainerStarted(const train::Trainer& trainer, std::uint64_t seed) {
  m_failed = false;
  if (!m_options.resumeFolder.empty() && !m_usedResume) {
    m_usedResume = true;
    m_currentIsResumed = true;
    m_writer =
        RunWriter::resume(m_options.resumeFolder, trainer.stepsDone(), m_options.checkpoints);
    m_firstStep = trainer.stepsDone();
    m_lastCheckpointStep = trainer.stepsDone();
    std::lock_guard lock(m_folderMutex);
    m_folder = m_options.resumeFolder;
    return;
  }
  startNewRun(trainer, seed);
}

void RunRecorder::startNewRun(const train::Trainer& trainer, std::uint64_t seed) {
  m_currentIsResumed = false;
  fs::path folder;
  if (!m_options.folder.empty() && !m_usedFixedFolder) {
    folder = m_options.folder;
    m_usedFixedFolder = true;
  } else {
    folder = defaultRunFolder(
        m_lesson.id, m_options.runsDirectory.empty() ? fs::path("runs") : m_options.runsDirectory);
  }
  const json settings = trainer.settings();
  json info = {{"genlab_version", GENLAB_VERSION},
               {"origin", m_options.origin},
               {"lesson_id", m_lesson.id},
               {"lesson_file", fs::absolute(m_lesson.file).string()},
               {"lesson", lesson::lessonToJson(m_lesson)},
               {"overrides", m_options.overrides},
               {"title", m_lesson.title},
               {"model", m_lesson.model},
               {"dataset", m_lesson.dataset},
               {"settings", settings},
               {"settings_at_start", settings},
               {"seed", seed}};
  if (m_options.stepsRequested > 0) info["steps_requested"] = m_options.stepsRequested;
  m_writer = std::make_unique<RunWriter>(folder, std::move(info), trainer.metricNames(),
                                         m_options.checkpoints);
  m_firstStep = trainer.stepsDone();
  m_writer->writeCheckpoint(trainer);  // the initial state: what every comparison starts from
  m_lastCheckpointStep = trainer.stepsDone();
  std::lock_guard lock(m_folderMutex);
  m_folder = folder;
}

void RunRecorder::stepped(const train::Trainer& trainer, std::span<const double> metrics) {
  if (!m_writer) return;
  if (m_writer->finished()) {
    // Training goes on after a failure (a setting was changed): the run is live again.
    m_writer->reopen(trainer.stepsDone());
    m_failed = false;
  }
  const std::int64_t step = trainer.stepsDone();
  try {
    m_writer->appendMetrics(step, metrics);
    if (m_writer->checkpointDue(step)) {
      m_writer->writeCheckpoint(trainer);
      m_lastCheckpointStep = step;
    }
  } catch (const StorageError& error) {
    stopAfterStorageError(step, error.what());
    throw;
  }
}

void RunRecorder::stopAfterStorageError(std::int64_t step, const std::string& message) {
  // The folder keeps the checkpoints run.json lists and the metrics rows written whole; run.json
  // says why the run stopped, when there is still room for it (the failed write gave back the
  // space it took).
  try {
    m_writer->recordEvent(step, "storage", {{"message", message}});
    m_writer->finish("failed", step, message);
  } catch (const StorageError&) {
    // run.json stays as last written: consistent, listing only complete checkpoints.
  }
  m_writer.reset();
  std::lock_guard lock(m_folderMutex);
  m_folder.clear();
}

void RunRecorder::settingChanged(const train::Trainer& trainer, const std::string& key,
                                 const json& value) {
  if (!m_writer) return;
  m_writer->recordEvent(trainer.stepsDone(), "setting", {{"key", key}, {"value", value}});
  m_writer->updateSettings(trainer.settings());
}

void RunRecorder::stepFailed(const train::Trainer& trainer, const train::TrainingFailure& failure) {
  if (!m_writer) return;
  m_failed = true;
  const std::int64_t lastGood = trainer.stepsDone();
  // The trainer refused the bad update, so what it holds is the last good step: keep it on
  // disk now, whatever the schedule says (a run that fails at step 6 must not lose steps 1-5).
  if (lastGood != m_lastCheckpointStep) {
    m_writer->writeCheckpoint(trainer);
    m_lastCheckpointStep = lastGood;
  }
  json details = {{"failed_step", failure.step}, {"message", failure.message}};
  if (!failure.quantity.empty()) {
    details["quantity"] = failure.quantity;
    details["became"] = failure.kind;  // "kind" is the event's own
  }
  m_writer->recordEvent(lastGood, "failed", details);
  json record = details;
  record.erase("message");
  record["last_good_step"] = lastGood;
  for (const auto& checkpoint : m_writer->info().value("checkpoints", json::array())) {
    if (checkpoint.value("step", std::int64_t{-1}) == lastGood)
      record["checkpoint"] = checkpoint["file"];
  }
  // Marked now, in case the process does not survive; training may go on after a change.
  m_writer->finish("failed", lastGood, failure.message, std::move(record));
}

void RunRecorder::endRun(const train::Trainer& trainer, const std::string& status,
                         const std::string& message) {
  if (!m_writer) return;
  const std::int64_t step = trainer.stepsDone();
  const fs::path folder = m_writer->folder();
  if (step == m_firstStep && !m_currentIsResumed) {
    // Nothing was trained: leave no folder behind.
    m_writer.reset();
    std::error_code ec;
    fs::remove_all(folder, ec);
  } else {
    try {
      if (step > m_lastCheckpointStep && status != "failed") m_writer->writeCheckpoint(trainer);
      m_writer->finish(status, step, message);
    } catch (const StorageError& error) {
      stopAfterStorageError(step, error.what());
      throw;
    }
    m_writer.reset();
  }
  std::lock_guard lock(m_folderMutex);
  m_folder.clear();
}

void RunRecorder::trainerEnding(const train::Trainer& trainer) {
  if (!m_writer) return;
  if (m_failed) {
    m_writer.reset();  // already marked failed, with its message
    std::lock_guard lock(m_folderMutex);
    m_folder.clear();
    return;
  }
  endRun(trainer, "finished");
}

}  // namespace genlab::run
