#include "ui/lab/open_run.h"

#include <algorithm>
#include <span>

#include "core/models/registry.h"
#include "core/run/run_format.h"
#include "core/run/run_restore.h"
#include "core/util/errors.h"

namespace genlab::lab {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// Snapshots of recorded checkpoints kept for scrubbing back and forth.
constexpr std::size_t kSnapshotCacheSize = 12;
// A live view picks up a new snapshot at most this often (the trainer may publish 120 a
// second; 30 look smooth and leave the frame to input).
constexpr auto kLiveRefreshPeriod = std::chrono::milliseconds(33);
// A recorded run's files are re-read at most this often (a run training in another process).
constexpr auto kRecordedMetricsPeriod = std::chrono::milliseconds(500);
constexpr auto kRecordedInfoPeriod = std::chrono::seconds(2);

std::unique_ptr<views::ModelUi> uiFor(const lesson::Lesson& lesson) {
  auto ui = views::makeModelUi(lesson);
  if (!ui) throw ConfigError(lesson.file.string() + ": no views for model " + lesson.model);
  return ui;
}

// A factory whose first call hands over an already restored trainer, and later calls (a reset)
// build a fresh one from the lesson.
train::Session::TrainerFactory handOver(std::unique_ptr<train::Trainer> restored,
                                        lesson::Lesson lesson) {
  auto first = std::make_shared<std::unique_ptr<train::Trainer>>(std::move(restored));
  return [first, lesson](std::uint64_t seed) -> std::unique_ptr<train::Trainer> {
    if (*first) return std::move(*first);
    return models::makeTrainer(lesson, seed);
  };
}

}  // namespace

OpenRun::~OpenRun() {
  // The trainer stops before the views go. Commands the views posted hold only shared replies
  // and values (never a view), so a session ending on the reaper may outlive them.
  if (m_reaper)
    m_reaper->retire(std::move(m_session));
  else
    m_session.reset();
  m_ui.reset();
}

std::unique_ptr<OpenRun> OpenRun::live(const lesson::Lesson& original, lesson::Lesson lesson,
                                       LiveRunOptions options) {
  std::unique_ptr<OpenRun> run(new OpenRun());
  run->m_lesson = std::move(lesson);
  train::SessionOptions sessionOptions;
  sessionOptions.lowPriority = options.lowPriority;
  sessionOptions.historyBytes = options.timelineBytes;
  sessionOptions.metricsBytes = options.metricsRingBytes;
  if (options.record) {
    run->m_recorder = std::make_shared<run::RunRecorder>(original, options.recorder);
    sessionOptions.observer = run->m_recorder;
  }
  const lesson::Lesson copy = run->m_lesson;
  run->m_session = std::make_unique<train::Session>(
      [copy](std::uint64_t seed) { return models::makeTrainer(copy, seed); }, options.seed,
      sessionOptions);
  run->m_ui = uiFor(run->m_lesson);
  return run;
}

std::unique_ptr<OpenRun> OpenRun::resume(const fs::path& folder, LiveRunOptions options) {
  const run::RunInfo info = run::readRunInfo(folder);
  if (info.status == "running")
    throw DataError(folder.string() + ": the run is still being trained (pid " +
                    std::to_string(info.pid) + " on " + info.host + ")");
  run::RestoredTrainer restored = run::restoreTrainer(info);
  std::unique_ptr<OpenRun> run(new OpenRun());
  run->m_lesson = run::runLesson(info);
  run->m_messages = restored.problems;
  train::SessionOptions sessionOptions;
  sessionOptions.lowPriority = options.lowPriority;
  sessionOptions.historyBytes = options.timelineBytes;
  sessionOptions.metricsBytes = options.metricsRingBytes;
  options.recorder.resumeFolder = folder;
  options.recorder.overrides.clear();  // the recorded lesson already has them
  run->m_recorder = std::make_shared<run::RunRecorder>(run->m_lesson, options.recorder);
  sessionOptions.observer = run->m_recorder;
  run->m_session = std::make_unique<train::Session>(
      handOver(std::move(restored.trainer), run->m_lesson), info.seed, sessionOptions);
  run->m_ui = uiFor(run->m_lesson);
  // The metrics before the resume point are on disk; the session's ring has only what follows.
  run::MetricsFileReader reader(folder / run::kMetricsFile);
  reader.poll();
  std::vector<train::MetricsRow> rows;
  for (const auto& row : reader.rows())
    if (row.step <= restored.checkpoint.step) rows.push_back(row);
  run->m_metrics.assign(reader.columns(), std::move(rows));
  run->m_metrics.continueFrom(run->m_session->metrics());
  return run;
}

std::unique_ptr<OpenRun> OpenRun::recorded(const fs::path& folder) {
  auto info = std::make_unique<run::RunInfo>(run::readRunInfo(folder));
  run::RestoredTrainer restored = run::restoreTrainer(*info);
  std::unique_ptr<OpenRun> run(new OpenRun());
  run->m_lesson = run::runLesson(*info);
  run->m_messages = restored.problems;
  run->m_session = std::make_unique<train::Session>(
      handOver(std::move(restored.trainer), run->m_lesson), info->seed, train::SessionOptions{});
  run->m_ui = uiFor(run->m_lesson);
  run->m_reader = std::make_unique<run::MetricsFileReader>(folder / run::kMetricsFile);
  run->m_reader->poll();
  run->m_metrics.assign(run->m_reader->columns(), run->m_reader->rows());
  run->m_readerRowsTaken = run->m_reader->rows().size();
  run->m_readerGeneration = run->m_reader->generation();
  for (const auto& problem : run->m_reader->problems()) run->m_messages.push_back(problem);
  run->m_recorded = std::move(info);
  run->m_infoReadAt = Clock::now();
  run->m_shown = run->m_session->latest();
  run->m_shownStep = run->m_shown ? run->m_shown->step : -1;
  if (run->m_shown) run->m_cache.emplace_front(run->m_shownStep, run->m_shown);
  return run;
}

std::string OpenRun::label() const {
  const fs::path where = folder();
  return where.empty() ? std::string("live (not recorded)") : where.filename().string();
}

fs::path OpenRun::folder() const {
  if (m_recorded) return m_recorded->folder;
  return m_recorder ? m_recorder->currentFolder() : fs::path();
}

nlohmann::json OpenRun::settings() const {
  return *m_session->settings();
}

std::uint64_t OpenRun::seed() const {
  return m_recorded ? m_recorded->seed : m_session->seed();
}

std::int64_t OpenRun::lastStep() const {
  if (!m_recorded) return m_session->stepsDone();
  std::int64_t last = m_recorded->checkpoints.empty() ? 0 : m_recorded->checkpoints.back().step;
  if (!m_metrics.rows().empty()) last = std::max(last, m_metrics.rows().back().step);
  return last;
}

std::int64_t OpenRun::nextShowableStep(std::int64_t step) const {
  if (!m_recorded) return std::min(step + 1, lastStep());
  for (const auto& checkpoint : m_recorded->checkpoints)
    if (checkpoint.step > step) return checkpoint.step;
  return lastStep();
}

std::string OpenRun::status() const {
  if (m_recorded) return m_recorded->status;
  return train::runStateName(m_session->state());
}

void OpenRun::refreshRecordedInfo() {
  try {
    auto fresh = std::make_unique<run::RunInfo>(run::readRunInfo(m_recorded->folder));
    m_recorded = std::move(fresh);
  } catch (const std::exception& error) {
    m_messages.emplace_back(error.what());  // keep what was read before
  }
}

void OpenRun::setMemoryShares(std::size_t metricsBytes, std::size_t snapshotCacheBytes) {
  m_metrics.setByteBudget(metricsBytes);
  m_cacheBytes = snapshotCacheBytes;
}

// At most kSnapshotCacheSize snapshots and m_cacheBytes of them; the newest is always kept.
void OpenRun::trimCache() {
  std::size_t bytes = 0;
  std::size_t count = 0;
  for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
    bytes += it->second ? it->second->bytes() : 0;
    if (++count > 1 && (count > kSnapshotCacheSize || bytes > m_cacheBytes)) {
      m_cache.erase(it, m_cache.end());
      return;
    }
  }
}

void OpenRun::poll() {
  for (auto& message : m_session->takeMessages()) m_messages.push_back(std::move(message));
  if (!m_recorded) {
    m_metrics.update(m_session->metrics());
    return;
  }
  const auto now = Clock::now();
  const bool stillTraining = m_recorded->status == "running";
  if (stillTraining && now - m_infoReadAt >= kRecordedInfoPeriod) {
    m_infoReadAt = now;
    refreshRecordedInfo();
  }
  if (now - m_metricsReadAt >= kRecordedMetricsPeriod) {
    m_metricsReadAt = now;
    if (m_reader->poll()) {
      // New rows are appended; only a file that started over (a resume trimmed it) is copied
      // whole, so a run still training elsewhere costs its new rows, not its length.
      const auto& rows = m_reader->rows();
      if (m_reader->generation() != m_readerGeneration || rows.size() < m_readerRowsTaken) {
        m_readerGeneration = m_reader->generation();
        m_metrics.assign(m_reader->columns(), rows);
      } else {
        m_metrics.append(std::span(rows).subspan(m_readerRowsTaken));
      }
      m_readerRowsTaken = rows.size();
    }
  }
}

train::SnapshotPtr OpenRun::snapshotFor(std::optional<std::int64_t> cursor) {
  if (!m_recorded) {
    const auto now = Clock::now();
    if (!cursor || *cursor >= m_session->stepsDone()) {
      const auto latest = m_session->latest();
      // Back from the past: the newest at once; otherwise at most every kLiveRefreshPeriod.
      if (latest != m_shown &&
          (m_showingPast || now - m_shownAt >= kLiveRefreshPeriod || m_session->idle())) {
        m_shown = latest;
        m_shownAt = now;
      }
      m_showingPast = false;
    } else if (auto timeline = m_session->timeline()) {
      if (auto past = timeline->atOrBefore(*cursor)) m_shown = past;
      m_showingPast = true;
    }
    m_shownStep = m_shown ? m_shown->step : -1;
    return m_shown;
  }

  // Idle is read before the snapshot: a load that ends between the two reads then shows its
  // snapshot. Read the other way round, a stale snapshot beside a fresh "idle" looked like a
  // failed load, and the step was never loaded again (a flaky visual.compare_live).
  const bool idle = m_session->idle();
  const auto latest = m_session->latest();
  if (m_loadingStep && latest && latest->step == *m_loadingStep && idle) {
    // The checkpoint the cursor asked for is loaded.
    m_cache.emplace_front(latest->step, latest);
    trimCache();
    m_loadingStep.reset();
  } else if (m_loadingStep && idle && (!latest || latest->step != *m_loadingStep)) {
    m_failedSteps.push_back(*m_loadingStep);  // the load failed; its message is on its way
    m_loadingStep.reset();
  } else if (!m_loadingStep && latest && latest->step == m_shownStep && latest != m_shown) {
    // A view asked the replayed model for something (a decoded probe, fresh pictures): the
    // session republished the same step with it.
    m_shown = latest;
    for (auto& entry : m_cache)
      if (entry.first == m_shownStep) entry.second = latest;
  }

  const run::CheckpointRecord* target =
      m_recorded->checkpointAtOrBefore(cursor.value_or(std::numeric_limits<std::int64_t>::max()));
  if (!target || target->step == m_shownStep) return m_shown;
  for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
    if (it->first != target->step) continue;
    m_shown = it->second;
    m_shownStep = it->first;
    m_cache.splice(m_cache.begin(), m_cache, it);
    return m_shown;
  }
  const bool failedBefore =
      std::find(m_failedSteps.begin(), m_failedSteps.end(), target->step) != m_failedSteps.end();
  if (!failedBefore && (!m_loadingStep || *m_loadingStep != target->step) &&
      (!m_loadingStep || m_session->idle())) {
    m_loadingStep = target->step;
    m_session->restore(m_recorded->folder / target->file);
  }
  // Show the newest loaded snapshot until then, if it is the one loaded for this step.
  if (latest && latest->step == target->step && !m_loadingStep) {
    m_shown = latest;
    m_shownStep = latest->step;
  }
  return m_shown;
}

std::vector<std::string> OpenRun::takeMessages() {
  std::vector<std::string> out;
  out.swap(m_messages);
  return out;
}

}  // namespace genlab::lab
