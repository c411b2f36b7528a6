#include "core/train/session.h"

#include <algorithm>
#include <exception>
#include <utility>

#include "core/platform/threading.h"
#include "core/util/errors.h"

namespace genlab::train {
namespace {
using Clock = std::chrono::steady_clock;
}

Session::Session(TrainerFactory factory, std::uint64_t seed, SessionOptions options)
    : m_factory(std::move(factory)),
      m_options(options),
      m_trainer(m_factory(seed)),
      m_history(options.historyCapacity, 1, options.historyBytes),
      m_trainerStart(Clock::now()),
      m_observer(options.observer) {
  m_modelName = m_trainer->modelName();
  const auto columns = m_trainer->metricNames();
  m_metricValues.assign(columns.size(), 0.0);
  m_metrics = std::make_unique<MetricsRing>(
      columns, std::min(options.metricsCapacity,
                        MetricsRing::capacityFor(options.metricsBytes, columns.size())));
  m_seed.store(seed);
  // A trainer restored from a checkpoint starts where the checkpoint left it.
  m_stepsDone.store(m_trainer->stepsDone());
  publishSnapshot(true);
  publishSettings();
  m_thread = std::jthread([this](std::stop_token stop) { threadMain(stop); });
}

Session::~Session() {
  requestStop();
}

void Session::requestStop() {
  // request_stop wakes every condition_variable_any wait registered with the token; join waits
  // at most for the trainer's current step, which polls the same token.
  m_thread.request_stop();
  if (m_thread.joinable()) m_thread.join();
}

void Session::enqueue(Command command) {
  {
    std::lock_guard lock(m_mutex);
    m_commands.push_back(std::move(command));
  }
  m_wake.notify_one();
}

void Session::play() {
  m_playRequested.store(true);
  enqueue([this] {
    m_playing = true;
    m_state.store(RunState::kRunning, std::memory_order_release);
  });
}

void Session::pause() {
  m_playRequested.store(false);
  enqueue([this] {
    m_playing = false;
    m_pendingSteps = 0;
    if (m_state.load() == RunState::kRunning) m_state.store(RunState::kPaused);
  });
}

void Session::togglePlay() {
  m_playRequested.store(!m_playRequested.load());
  enqueue([this] {
    m_playing = !m_playing;
    m_pendingSteps = 0;
    m_state.store(m_playing ? RunState::kRunning : RunState::kPaused);
  });
}

void Session::stepN(int count) {
  m_playRequested.store(false);
  enqueue([this, count] {
    m_playing = false;
    m_pendingSteps += std::max(count, 0);
    m_state.store(m_pendingSteps > 0 ? RunState::kRunning : RunState::kPaused);
  });
}

void Session::reset(std::optional<std::uint64_t> seed) {
  m_playRequested.store(false);
  enqueue([this, seed] {
    const std::uint64_t newSeed = seed.value_or(m_seed.load());
    std::unique_ptr<Trainer> fresh;
    try {
      fresh = m_factory(newSeed);
      if (fresh->metricNames() != m_metrics->columns()) {
        report("reset: the new trainer logs different metrics; keeping the old one");
        return;
      }
    } catch (const std::exception& error) {
      report(std::string("reset failed: ") + error.what());
      return;
    }
    notifyObserver([&](SessionObserver& o) { o.trainerEnding(*m_trainer); });
    m_trainer = std::move(fresh);
    prepareTrainer();  // published with the cleared timeline below
    m_trainerStart = Clock::now();
    m_seed.store(newSeed);
    notifyObserver([&](SessionObserver& o) { o.trainerStarted(*m_trainer, newSeed); });
    m_playing = false;
    m_pendingSteps = 0;
    m_stepsDone.store(m_trainer->stepsDone());
    m_stepsPerSecond.store(0.0);
    m_metrics->reset();
    m_history.clear();
    clearFailure();
    m_state.store(RunState::kPaused);
    publishSnapshot(true);
    publishSettings();
  });
}

void Session::setParam(std::string key, nlohmann::json value) {
  enqueue([this, key = std::move(key), value = std::move(value)] {
    try {
      m_trainer->setParam(key, value);
      // A changed setting may unblock a converged run (a smaller tol, more iterations).
      if (m_state.load() == RunState::kConverged) m_state.store(RunState::kPaused);
    } catch (const std::exception& error) {
      report(error.what());
      return;
    }
    publishSettings();
    notifyObserver([&](SessionObserver& o) { o.settingChanged(*m_trainer, key, value); });
  });
}

void Session::restore(std::filesystem::path checkpoint) {
  m_playRequested.store(false);
  enqueue([this, checkpoint = std::move(checkpoint)] {
    m_playing = false;
    m_pendingSteps = 0;
    try {
      m_trainer->loadCheckpoint(checkpoint);
    } catch (const std::exception& error) {
      report(error.what());
      return;
    }
    m_stepsDone.store(m_trainer->stepsDone(), std::memory_order_release);
    clearFailure();
    m_state.store(RunState::kPaused, std::memory_order_release);
    publishSnapshot(false);
    publishSettings();
  });
}

void Session::publishSettings() {
  m_settings.publish(std::make_shared<const nlohmann::json>(m_trainer->settings()));
}

template <class Call>
void Session::notifyObserver(Call&& call) {
  if (!m_observer) return;
  try {
    call(*m_observer);
  } catch (const StorageError& error) {
    // The disk is full (or the folder went away): the run folder is left as its last complete
    // write, and training pauses rather than go on unrecorded without anyone deciding so.
    m_observer.reset();
    m_playing = false;
    m_playRequested.store(false);
    m_pendingSteps = 0;
    m_state.store(RunState::kPaused, std::memory_order_release);
    report(std::string("training paused, recording stopped: ") + error.what());
  } catch (const std::exception& error) {
    m_observer.reset();
    report(std::string("recording stopped (training goes on): ") + error.what());
  }
}

void Session::setStepRateLimit(double stepsPerSecond) {
  m_rateLimit.store(std::max(stepsPerSecond, 0.0), std::memory_order_relaxed);
  m_wake.notify_one();
}

void Session::post(Edit edit) {
  enqueue([this, edit = std::move(edit)] {
    try {
      edit(*m_trainer);
    } catch (const std::exception& error) {
      report(error.what());
    }
    publishSnapshot(false);
  });
}

std::vector<std::string> Session::takeMessages() {
  std::vector<std::string> out;
  std::lock_guard lock(m_mutex);
  out.swap(m_messages);
  return out;
}

bool Session::idle() const {
  std::lock_guard lock(m_mutex);
  return m_commands.empty() && !m_busy;
}

bool Session::waitUntilIdle(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(m_mutex);
  return m_idleChanged.wait_for(lock, timeout, [this] { return m_commands.empty() && !m_busy; });
}

void Session::report(std::string message) {
  std::lock_guard lock(m_mutex);
  m_messages.push_back(std::move(message));
}

bool Session::wantsToStep() const {
  return m_playing || m_pendingSteps > 0;
}

void Session::prepareTrainer() {
  // On this thread, so that the thread that built the session is not held (Trainer::prepare).
  // A failure here is reported; the trainer still trains, and its next evaluation draws them.
  try {
    m_trainer->prepare();
  } catch (const std::exception& error) {
    report(std::string("preparing the first pictures failed: ") + error.what());
  }
}

void Session::publishSnapshot(bool forTimeline) {
  SnapshotPtr snapshot = m_trainer->snapshot();
  if (forTimeline && m_history.offer(snapshot)) m_timeline.publish(m_history.timeline());
  m_latest.publish(std::move(snapshot));
  m_lastPublishTime = Clock::now();
  m_lastSnapshotFresh = true;
}

void Session::threadMain(std::stop_token stop) {
  platform::flushDenormalsOnThisThread();
  platform::adoptThreadPolicyOnThisThread();
  if (m_options.lowPriority) platform::lowerThisThreadPriority();
  auto rateWindowStart = Clock::now();
  std::int64_t rateWindowSteps = 0;
  prepareTrainer();
  publishSnapshot(true);  // replaces the first snapshot in the timeline (same step)
  notifyObserver([&](SessionObserver& o) { o.trainerStarted(*m_trainer, m_seed.load()); });

  while (!stop.stop_requested()) {
    std::vector<Command> commands;
    {
      std::unique_lock lock(m_mutex);
      m_busy = wantsToStep();
      if (!m_busy && m_commands.empty()) m_idleChanged.notify_all();
      if (m_commands.empty()) {
        const double limit = m_rateLimit.load(std::memory_order_relaxed);
        if (!wantsToStep()) {
          m_wake.wait(lock, stop, [this] { return !m_commands.empty(); });
        } else if (m_playing && m_pendingSteps == 0 && limit > 0.0) {
          const auto due = m_lastStepTime + std::chrono::duration_cast<Clock::duration>(
                                                std::chrono::duration<double>(1.0 / limit));
          if (Clock::now() < due) {
            // Woken early by a command or a new limit: loop to apply it and re-check the time.
            m_wake.wait_until(lock, stop, due, [this] { return !m_commands.empty(); });
            if (m_commands.empty() && Clock::now() < due) continue;
          }
        }
      }
      commands.swap(m_commands);
      m_busy = true;
    }
    if (stop.stop_requested()) break;

    for (auto& command : commands) command();

    if (wantsToStep()) {
      takeOneStep(stop);
      ++rateWindowSteps;
    } else if (!m_lastSnapshotFresh) {
      publishSnapshot(false);  // paused between throttled snapshots: show the final state
    }

    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - rateWindowStart).count();
    if (elapsed >= 0.25 || !wantsToStep()) {
      m_stepsPerSecond.store(wantsToStep() && elapsed > 0 ? rateWindowSteps / elapsed : 0.0,
                             std::memory_order_relaxed);
      rateWindowStart = now;
      rateWindowSteps = 0;
    }
  }
  notifyObserver([&](SessionObserver& o) { o.trainerEnding(*m_trainer); });
}

void Session::takeOneStep(std::stop_token stop) {
  StepOutcome outcome;
  try {
    outcome = m_trainer->step(m_metricValues, stop);
  } catch (const std::exception& error) {
    stopOnFailure(error);
    return;
  }
  if (stop.stop_requested()) return;  // a step cut short is not logged

  if (m_failureShown) clearFailure();
  m_lastStepTime = Clock::now();
  const std::int64_t steps = m_trainer->stepsDone();
  m_stepsDone.store(steps, std::memory_order_release);
  m_metrics->push(steps, m_metricValues,
                  std::chrono::duration<double>(m_lastStepTime - m_trainerStart).count());
  notifyObserver([&](SessionObserver& o) { o.stepped(*m_trainer, m_metricValues); });
  if (m_pendingSteps > 0) --m_pendingSteps;
  for (auto& message : outcome.messages) report(std::move(message));
  if (outcome.converged) {
    m_playing = false;
    m_playRequested.store(false);
    m_pendingSteps = 0;
    m_state.store(RunState::kConverged, std::memory_order_release);
  } else if (!wantsToStep()) {
    m_state.store(RunState::kPaused, std::memory_order_release);
  }

  const bool timelineWants = steps % m_history.interval() == 0;
  const bool due = m_lastStepTime - m_lastPublishTime >= m_options.snapshotPeriod;
  if (timelineWants || due || !wantsToStep()) {
    publishSnapshot(timelineWants);
  } else {
    m_lastSnapshotFresh = false;
  }
}

void Session::clearFailure() {
  m_failure.publish(nullptr);
  m_failureShown = false;
}

void Session::stopOnFailure(const std::exception& error) {
  // Trainers check what they own before applying an update (core/util/non_finite.h), so the
  // trainer still holds its last good step: pause (the thread lives on), show that step, and
  // let the observer save it.
  auto failure = std::make_shared<TrainingFailure>(describeFailure(error, m_trainer->stepsDone()));
  m_playing = false;
  m_playRequested.store(false);
  m_pendingSteps = 0;
  report(failure->message);
  notifyObserver([&](SessionObserver& o) { o.stepFailed(*m_trainer, *failure); });
  m_failure.publish(std::move(failure));
  m_failureShown = true;
  publishSnapshot(false);
  // Last, so a reader that sees kFailed also sees the failure and the snapshot.
  m_state.store(RunState::kFailed, std::memory_order_release);
}

}  // namespace genlab::train
