#pragma once
// One run open in the lab, live or recorded. The lab and its views do not care which
// (DESIGN.md "Runs: live and recorded alike"): both give a session the views talk to, the
// lesson, the metrics so far, and the snapshot to show for a step on the global cursor.
//
// - A live run owns the training session (and, unless recording is off, a RunRecorder that
//   writes it to a run folder as it trains). Its past is the session's in-memory timeline.
// - A recorded run owns a replay session: a trainer rebuilt from run.json (lesson, overrides,
//   seed) into which checkpoints are loaded, off the UI thread, to show a step. Its metrics are
//   read from metrics.csv as it grows (a run still training in another process updates live).
//   Snapshots of the checkpoints shown recently are cached (a bounded number), so memory is
//   bounded by the checkpoints' size, not by the run's length.
//
// All methods are for the UI thread.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/run/metrics_reader.h"
#include "core/run/run_info.h"
#include "core/run/run_recorder.h"
#include "core/train/session.h"
#include "core/train/session_reaper.h"
#include "ui/views/metrics_cache.h"
#include "ui/views/view.h"

namespace genlab::lab {

struct LiveRunOptions {
  std::uint64_t seed = 0;
  bool record = true;
  run::RecorderOptions recorder;  // runsDirectory, overrides, origin
  bool lowPriority = true;
  std::filesystem::path resumeFolder;     // continue this recorded run instead of a new one
  train::SharedByteBudget timelineBytes;  // this run's share of the lab's timeline budget
  std::size_t metricsRingBytes = train::SnapshotHistory::kUnlimited;
};

class OpenRun {
 public:
  // A new live session of `lesson` (overrides already applied; `original` is the lesson as
  // read, which the run folder records). Throws like models::makeTrainer.
  static std::unique_ptr<OpenRun> live(const lesson::Lesson& original, lesson::Lesson lesson,
                                       LiveRunOptions options);
  // Continues a recorded run live from its newest checkpoint that loads.
  static std::unique_ptr<OpenRun> resume(const std::filesystem::path& folder,
                                         LiveRunOptions options);
  // A recorded run, shown at its newest checkpoint. Throws DataError naming the file.
  static std::unique_ptr<OpenRun> recorded(const std::filesystem::path& folder);

  ~OpenRun();
  OpenRun(const OpenRun&) = delete;
  // Where this run's session goes when the run closes (LabApp's reaper): it ends there, off the
  // UI thread. Without one the destructor waits for the trainer's current step.
  void retireSessionTo(train::SessionReaper* reaper) { m_reaper = reaper; }
  OpenRun& operator=(const OpenRun&) = delete;

  bool isLive() const { return !m_recorded; }
  train::Session& session() { return *m_session; }
  const train::Session& session() const { return *m_session; }
  const lesson::Lesson& lesson() const { return m_lesson; }
  views::ModelUi& ui() { return *m_ui; }
  const views::MetricsCache& metrics() const { return m_metrics; }

  // Short name for labels: the run folder's name, or "live (not recorded)".
  std::string label() const;
  std::filesystem::path folder() const;
  // The model's settings now (live) or as recorded.
  nlohmann::json settings() const;
  std::uint64_t seed() const;
  // Newest step there is to show: live, the steps done; recorded, the newest checkpoint.
  std::int64_t lastStep() const;
  // Status for labels: "training", "paused", ... (live) or the run's status (recorded).
  std::string status() const;

  // Once a frame: new metrics rows, new checkpoints of a run still training elsewhere, a
  // finished checkpoint load.
  void poll();
  // What the views show for the global cursor (nullopt: the newest). Never blocks: while a
  // recorded run loads the checkpoint for `cursor`, the previous snapshot stays.
  train::SnapshotPtr snapshotFor(std::optional<std::int64_t> cursor);
  // The step the last snapshotFor returned shows (-1 before the first).
  std::int64_t shownStep() const { return m_shownStep; }
  // The first step after `step` that shows something new (the next checkpoint of a recorded
  // run, the next step of a live one); lastStep() when there is none.
  std::int64_t nextShowableStep(std::int64_t step) const;
  // Whether a recorded run is still loading the checkpoint the cursor asks for.
  bool loading() const { return m_loadingStep.has_value(); }

  std::vector<std::string> takeMessages();

  // This run's shares of the lab's memory budget (train/memory_budget.h): its metrics copy and
  // its cache of loaded snapshots. Set by the lab every frame (the shares follow the open runs).
  void setMemoryShares(std::size_t metricsBytes, std::size_t snapshotCacheBytes);

 private:
  OpenRun() = default;
  void refreshRecordedInfo();
  void trimCache();

  lesson::Lesson m_lesson;
  std::unique_ptr<train::Session> m_session;
  train::SessionReaper* m_reaper = nullptr;
  std::unique_ptr<views::ModelUi> m_ui;
  views::MetricsCache m_metrics;
  std::shared_ptr<run::RunRecorder> m_recorder;  // live and recording

  // Recorded runs only.
  std::unique_ptr<run::RunInfo> m_recorded;
  std::unique_ptr<run::MetricsFileReader> m_reader;
  std::chrono::steady_clock::time_point m_infoReadAt;
  std::chrono::steady_clock::time_point m_metricsReadAt;
  std::optional<std::int64_t> m_loadingStep;
  std::vector<std::int64_t> m_failedSteps;
  std::size_t m_readerRowsTaken = 0;  // rows of m_reader's already given to m_metrics
  std::size_t m_cacheBytes = ~std::size_t{0};
  std::uint64_t m_readerGeneration = 0;  // m_reader's generation m_metrics was assigned from  //
                                         // checkpoints that failed to load: not retried
  std::list<std::pair<std::int64_t, train::SnapshotPtr>> m_cache;  // most recent first

  train::SnapshotPtr m_shown;
  std::int64_t m_shownStep = -1;
  std::chrono::steady_clock::time_point m_shownAt;
  bool m_showingPast = false;
  std::vector<std::string> m_messages;
};

}  // namespace genlab::lab
