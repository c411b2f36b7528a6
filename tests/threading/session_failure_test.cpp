// A session whose step fails on a NaN pauses with the last good step (the thread lives on),
// publishes why, tells its observer once per failure, and trains on from that step after a
// setting changes. Runs under TSan with readers polling from another thread.

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "core/train/session.h"
#include "tests/threading/fake_trainer.h"

namespace genlab::test {
namespace {

using namespace std::chrono_literals;
using train::RunState;
using train::Session;

struct FailureLog : train::SessionObserver {
  void trainerStarted(const train::Trainer&, std::uint64_t) override {}
  void stepped(const train::Trainer&, std::span<const double>) override {}
  void settingChanged(const train::Trainer&, const std::string&, const nlohmann::json&) override {}
  void stepFailed(const train::Trainer& trainer, const train::TrainingFailure& failure) override {
    std::lock_guard lock(mutex);
    seen.push_back({failure.step, trainer.stepsDone()});
  }
  void trainerEnding(const train::Trainer&) override {}
  std::mutex mutex;
  std::vector<std::pair<std::int64_t, std::int64_t>> seen;  // failed step, trainer's step then
};

TEST(SessionFailure, PausesAtTheLastGoodStepAndResumesFromItAfterASettingChange) {
  FakeKnobs knobs;
  knobs.failAt = 6;
  auto log = std::make_shared<FailureLog>();
  train::SessionOptions options;
  options.observer = log;
  Session session([&](std::uint64_t seed) { return std::make_unique<FakeTrainer>(seed, &knobs); },
                  3, options);

  // A reader on another thread, as the lab's frame is: whatever it sees must hang together.
  std::atomic<bool> done{false};
  std::atomic<int> failedSeen{0};
  std::thread reader([&] {
    while (!done.load()) {
      if (session.state() == RunState::kFailed) {
        const auto failure = session.failure();
        const auto latest = session.latest();
        // kFailed is stored last, so the failure and the last good snapshot are there with it
        // (unless a resume already cleared the failure).
        if (failure && latest && latest->step + 1 == failure->step) ++failedSeen;
      }
      std::this_thread::yield();
    }
  });

  session.play();
  ASSERT_TRUE(session.waitUntilIdle(10s));
  ASSERT_EQ(session.state(), RunState::kFailed);
  EXPECT_EQ(session.stepsDone(), 5);
  ASSERT_TRUE(session.failure());
  EXPECT_EQ(session.failure()->quantity, "fake value");
  EXPECT_EQ(session.failure()->kind, "NaN");
  EXPECT_EQ(session.failure()->step, 6);
  EXPECT_EQ(session.latest()->step, 5);  // the last good state is what is shown
  // The reader must see the failed state at least once before it is cleared below (on a loaded
  // machine it may not have been scheduled yet).
  for (int i = 0; i < 5000 && failedSeen.load() == 0; ++i) std::this_thread::sleep_for(1ms);

  // Played again unchanged, it fails again at the same step: paused, not dead.
  session.play();
  ASSERT_TRUE(session.waitUntilIdle(10s));
  EXPECT_EQ(session.state(), RunState::kFailed);
  EXPECT_EQ(session.stepsDone(), 5);

  // A setting changed, training goes on from step 5 and the failure is gone.
  session.setParam("offset", 1.0);
  session.stepN(4);
  ASSERT_TRUE(session.waitUntilIdle(10s));
  EXPECT_EQ(session.state(), RunState::kPaused);
  EXPECT_EQ(session.stepsDone(), 9);
  EXPECT_FALSE(session.failure());
  done = true;
  reader.join();
  EXPECT_GT(failedSeen.load(), 0);

  // The metrics go on without a gap or a repeat: steps 1 to 9.
  std::vector<train::MetricsRow> rows;
  session.metrics().readSince(0, rows);
  ASSERT_EQ(rows.size(), 9u);
  for (std::size_t i = 0; i < rows.size(); ++i)
    EXPECT_EQ(rows[i].step, static_cast<std::int64_t>(i + 1));

  std::lock_guard lock(log->mutex);
  ASSERT_EQ(log->seen.size(), 2u);
  for (const auto& [failed, held] : log->seen) {
    EXPECT_EQ(failed, 6);
    EXPECT_EQ(held, 5);
  }
}

TEST(SessionFailure, AResetClearsTheFailure) {
  FakeKnobs knobs;
  knobs.failAt = 2;
  Session session([&](std::uint64_t seed) { return std::make_unique<FakeTrainer>(seed, &knobs); },
                  3);
  session.stepN(5);
  ASSERT_TRUE(session.waitUntilIdle(10s));
  ASSERT_TRUE(session.failure());
  session.reset();
  ASSERT_TRUE(session.waitUntilIdle(10s));
  EXPECT_FALSE(session.failure());
  EXPECT_EQ(session.state(), RunState::kPaused);
}

}  // namespace
}  // namespace genlab::test
