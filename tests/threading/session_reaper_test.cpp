#include "core/train/session_reaper.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

#include "tests/threading/fake_trainer.h"

namespace genlab::test {
namespace {

using namespace std::chrono_literals;
using train::Session;
using train::SessionReaper;

// Counts trainers that went away: a session has ended when its observer heard trainerEnding.
struct EndingCounter : train::SessionObserver {
  std::atomic<int> ended{0};
  void trainerStarted(const train::Trainer&, std::uint64_t) override {}
  void stepped(const train::Trainer&, std::span<const double>) override {}
  void settingChanged(const train::Trainer&, const std::string&, const nlohmann::json&) override {}
  void stepFailed(const train::Trainer&, const train::TrainingFailure&) override {}
  void trainerEnding(const train::Trainer&) override { ++ended; }
};

std::unique_ptr<Session> observedSession(std::shared_ptr<EndingCounter> counter) {
  train::SessionOptions options;
  options.observer = std::move(counter);
  return std::make_unique<Session>(
      [](std::uint64_t seed) { return std::make_unique<FakeTrainer>(seed, nullptr); }, 1, options);
}

// A command that holds the trainer thread until `release` is set: it polls no stop token, as a
// long evaluation inside a step does not.
void holdTrainerThread(Session& session, std::shared_future<void> release,
                       std::promise<void>& started) {
  session.post([release, &started](train::Trainer&) {
    started.set_value();
    release.wait();
  });
}

TEST(SessionReaper, RetireReturnsWhileTheTrainerIsStillBusy) {
  auto counter = std::make_shared<EndingCounter>();
  SessionReaper reaper;
  auto session = observedSession(counter);
  std::promise<void> release;
  std::promise<void> started;
  holdTrainerThread(*session, release.get_future().share(), started);
  started.get_future().wait();

  // Destroying the session here would wait for the held command; retiring must not. (A retire
  // that joined would never return while the command is held: the 10 s is a deadlock guard.)
  auto retired = std::async(std::launch::async, [&] { reaper.retire(std::move(session)); });
  const bool returnedWhileBusy = retired.wait_for(10s) == std::future_status::ready;
  const std::size_t pendingWhileBusy = reaper.pending();
  const int endedWhileBusy = counter->ended.load();
  release.set_value();  // before any assertion, so a failing run ends instead of hanging
  EXPECT_TRUE(returnedWhileBusy);
  EXPECT_EQ(pendingWhileBusy, 1u);
  EXPECT_EQ(endedWhileBusy, 0);

  reaper.waitUntilEmpty();
  EXPECT_EQ(reaper.pending(), 0u);
  EXPECT_EQ(counter->ended.load(), 1);
}

TEST(SessionReaper, DestroyingTheReaperEndsEverySessionHandedOver) {
  auto counter = std::make_shared<EndingCounter>();
  FakeKnobs knobs;
  knobs.stepDuration = 5ms;  // playing sessions, busy in a step when retired
  {
    SessionReaper reaper;
    for (int k = 0; k < 4; ++k) {
      train::SessionOptions options;
      options.observer = counter;
      auto session = std::make_unique<Session>(
          [&knobs](std::uint64_t seed) { return std::make_unique<FakeTrainer>(seed, &knobs); },
          static_cast<std::uint64_t>(k), options);
      session->play();
      reaper.retire(std::move(session));
    }
    reaper.retire(nullptr);  // ignored
  }
  EXPECT_EQ(counter->ended.load(), 4);
}

}  // namespace
}  // namespace genlab::test
