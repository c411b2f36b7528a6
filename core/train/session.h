#pragma once
// A training session: one model, one dataset, one trainer thread.
//
// Threading contract (DESIGN.md "A model, a session, a snapshot"):
// - Every public method may be called from any thread and returns without waiting for a step.
//   Commands are queued and applied on the trainer thread between steps, in the order given.
// - The trainer is touched only by the session thread. Readers get immutable snapshots
//   (latest(), timeline()) and the lock-free metrics ring; no lock is held longer than a
//   pointer copy.
// - Destruction (or requestStop) never hangs: the thread is woken from any wait, a running step
//   is asked to stop through its stop_token, and the thread is joined.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/train/metrics_ring.h"
#include "core/train/published.h"
#include "core/train/session_observer.h"
#include "core/train/snapshot_history.h"
#include "core/train/trainer.h"

namespace genlab::train {

struct SessionOptions {
  std::size_t metricsCapacity = 1 << 16;
  // Bytes the metrics ring may take; its capacity is the smaller of the two bounds.
  std::size_t metricsBytes = SnapshotHistory::kUnlimited;
  std::size_t historyCapacity = 256;
  // Bytes of snapshots the timeline may keep (Snapshot::bytes); over it, the timeline thins.
  // Null: no bound but historyCapacity.
  SharedByteBudget historyBytes;
  // Snapshots are taken when the timeline wants the step, when the session pauses, and
  // otherwise at most this often, so a fast trainer does not spend its time copying for a UI
  // that draws 60 frames a second.
  std::chrono::milliseconds snapshotPeriod{8};
  // Run the trainer thread at a lower priority (the lab: a UI shares the machine).
  bool lowPriority = false;
  // Told about every trainer, step, setting change and failure (a run recorder); may be null.
  std::shared_ptr<SessionObserver> observer;
};

enum class RunState : int { kPaused, kRunning, kConverged, kFailed };

// "paused", "training", "converged", "stopped": for labels and window titles.
inline const char* runStateName(RunState state) {
  switch (state) {
    case RunState::kRunning:
      return "training";
    case RunState::kPaused:
      return "paused";
    case RunState::kConverged:
      return "converged";
    case RunState::kFailed:
      return "stopped";
  }
  return "";
}

class Session {
 public:
  // Builds a fresh trainer for a seed. Called once on the caller's thread by the constructor
  // (so a bad lesson fails where it was opened) and again on the session thread by reset().
  using TrainerFactory = std::function<std::unique_ptr<Trainer>(std::uint64_t seed)>;
  using Edit = std::function<void(Trainer&)>;

  Session(TrainerFactory factory, std::uint64_t seed, SessionOptions options = {});
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // --- commands -------------------------------------------------------------------------------
  void play();
  void pause();
  void togglePlay();
  void stepN(int count);  // pauses, then takes `count` steps
  // Rebuilds the trainer from the factory with `seed` (or the current seed); clears metrics and
  // timeline. A factory that throws leaves the old trainer in place and reports a message.
  void reset(std::optional<std::uint64_t> seed = std::nullopt);
  void setParam(std::string key, nlohmann::json value);
  // Limits playing speed; 0 means as fast as the trainer goes.
  void setStepRateLimit(double stepsPerSecond);
  // Runs `edit` on the trainer thread between steps, then publishes a fresh snapshot. This is
  // how the UI changes a model by hand (drag a mean, add data) while training runs or not.
  void post(Edit edit);
  // Loads a checkpoint into the trainer (Trainer::loadCheckpoint) and publishes its snapshot;
  // how a recorded run is shown at a step. A checkpoint that fails to load is reported and
  // leaves the trainer as it was. Pauses first.
  void restore(std::filesystem::path checkpoint);
  // Asks the thread to stop and waits for it (at most the trainer's current step).
  void requestStop();
  // Asks the thread to stop and returns at once; the destructor (or requestStop) joins it.
  void signalStop() { m_thread.request_stop(); }

  // --- reads ----------------------------------------------------------------------------------
  SnapshotPtr latest() const { return m_latest.get(); }
  std::shared_ptr<const SnapshotTimeline> timeline() const { return m_timeline.get(); }
  // The trainer's settings (Trainer::settings), republished after every change; never null.
  std::shared_ptr<const nlohmann::json> settings() const { return m_settings.get(); }
  const MetricsRing& metrics() const { return *m_metrics; }
  RunState state() const { return m_state.load(std::memory_order_acquire); }
  bool isPlaying() const { return state() == RunState::kRunning; }
  // Whether the last command asked it to play (and it has not stopped by itself since: converged
  // or failed). Set when the command is given, not when the trainer thread gets to it, so a
  // play/pause toggle built on it stays right when presses come faster than a slow step ends.
  bool playRequested() const { return m_playRequested.load(std::memory_order_acquire); }
  std::int64_t stepsDone() const { return m_stepsDone.load(std::memory_order_acquire); }
  // Why the last step failed, while the session is stopped by it (state() == kFailed): the
  // trainer, latest() and the recorded run hold the last good step, stepsDone(). Null
  // otherwise; cleared by the next step that succeeds, a reset or a restore. play() or stepN()
  // (after changing a setting) trains on from the last good step.
  std::shared_ptr<const TrainingFailure> failure() const { return m_failure.get(); }
  double stepsPerSecond() const { return m_stepsPerSecond.load(std::memory_order_relaxed); }
  double stepRateLimit() const { return m_rateLimit.load(std::memory_order_relaxed); }
  std::uint64_t seed() const { return m_seed.load(std::memory_order_relaxed); }
  const std::string& modelName() const { return m_modelName; }
  // Messages for the person watching (re-seeded components, rejected settings, NaN reports),
  // oldest first; each is returned once.
  std::vector<std::string> takeMessages();
  // True when no command is queued, no step is pending and the session is not playing.
  bool idle() const;
  // Blocks until idle() or the timeout; for tests and scripted runs, never for the UI frame.
  bool waitUntilIdle(std::chrono::milliseconds timeout) const;

 private:
  using Command = std::function<void()>;
  void enqueue(Command command);
  void threadMain(std::stop_token stop);
  void takeOneStep(std::stop_token stop);
  void stopOnFailure(const std::exception& error);
  void clearFailure();
  void prepareTrainer();
  void publishSnapshot(bool forTimeline);
  void publishSettings();
  void report(std::string message);
  bool wantsToStep() const;  // trainer thread only
  // Calls the observer (if any); a throwing observer is reported and dropped.
  template <class Call>
  void notifyObserver(Call&& call);

  TrainerFactory m_factory;
  SessionOptions m_options;
  std::string m_modelName;

  // Owned by the session thread after construction.
  std::unique_ptr<Trainer> m_trainer;
  SnapshotHistory m_history;
  int m_pendingSteps = 0;
  bool m_playing = false;
  std::atomic<bool> m_playRequested{false};  // see playRequested()
  std::vector<double> m_metricValues;
  std::chrono::steady_clock::time_point m_lastStepTime;
  std::chrono::steady_clock::time_point m_lastPublishTime;
  std::chrono::steady_clock::time_point m_trainerStart;  // wall time of metrics rows counts from
  std::shared_ptr<SessionObserver> m_observer;
  bool m_lastSnapshotFresh = true;
  bool m_failureShown = false;  // m_failure holds one (saves a lock per step)

  // Shared with readers.
  std::unique_ptr<MetricsRing> m_metrics;
  Published<Snapshot> m_latest;
  Published<SnapshotTimeline> m_timeline;
  Published<nlohmann::json> m_settings;
  Published<TrainingFailure> m_failure;
  std::atomic<RunState> m_state{RunState::kPaused};
  std::atomic<std::int64_t> m_stepsDone{0};
  std::atomic<double> m_stepsPerSecond{0.0};
  std::atomic<double> m_rateLimit{0.0};
  std::atomic<std::uint64_t> m_seed{0};

  mutable std::mutex m_mutex;  // guards m_commands, m_messages, m_busy
  mutable std::condition_variable_any m_wake;
  mutable std::condition_variable_any m_idleChanged;
  std::vector<Command> m_commands;
  std::vector<std::string> m_messages;
  bool m_busy = false;  // the thread has work in hand (commands being applied or steps owed)

  std::jthread m_thread;  // last member: started after everything above exists
};

}  // namespace genlab::train
