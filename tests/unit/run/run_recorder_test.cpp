#include "core/run/run_recorder.h"

#include <gtest/gtest.h>

#include "core/run/metrics_reader.h"
#include "core/run/run_catalog.h"
#include "core/run/run_info.h"
#include "core/train/session.h"
#include "tests/threading/fake_trainer.h"
#include "tests/unit/run/run_test_folder.h"

namespace genlab::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using RunRecorderTest = TempFolderTest;

lesson::Lesson fakeLesson() {
  lesson::Lesson lesson;
  lesson.file = "/nowhere/fake.json";
  lesson.id = "fake";
  lesson.title = "A fake lesson";
  lesson.model = "fake";
  lesson.settings = {{"offset", 0.0}};
  return lesson;
}

std::vector<fs::path> runFolders(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir)) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(RunRecorderTest, ASessionIsRecordedStepByStepAndEachResetIsANewRun) {
  run::RecorderOptions options;
  options.runsDirectory = m_dir;
  auto recorder = std::make_shared<run::RunRecorder>(fakeLesson(), options);
  train::SessionOptions sessionOptions;
  sessionOptions.observer = recorder;
  {
    train::Session session(
        [](std::uint64_t seed) { return std::make_unique<FakeTrainer>(seed, nullptr); }, 5,
        sessionOptions);
    session.stepN(30);
    ASSERT_TRUE(session.waitUntilIdle(10s));
    session.setParam("offset", 2.5);
    session.stepN(10);
    ASSERT_TRUE(session.waitUntilIdle(10s));
    session.reset(6);
    session.stepN(7);
    ASSERT_TRUE(session.waitUntilIdle(10s));
  }
  const auto folders = runFolders(m_dir);
  ASSERT_EQ(folders.size(), 2u);
  std::vector<run::RunInfo> runs;
  for (const auto& folder : folders) runs.push_back(run::readRunInfo(folder));
  std::sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) { return a.seed < b.seed; });
  EXPECT_EQ(runs[0].seed, 5u);
  EXPECT_EQ(runs[1].seed, 6u);
  EXPECT_EQ(runs[0].recordedStatus, "finished");
  EXPECT_EQ(runs[0].stepsDone, 40);
  EXPECT_EQ(runs[1].stepsDone, 7);
  EXPECT_EQ(runs[0].checkpoints.front().step, 0);  // the initial state
  EXPECT_EQ(runs[0].checkpoints.back().step, 40);  // and the last
  EXPECT_EQ(runs[0].settings["offset"], 2.5);
  EXPECT_EQ(runs[0].raw["settings_at_start"]["offset"], 0.0);
  EXPECT_EQ(runs[0].raw["events"][0]["kind"], "setting");
  EXPECT_EQ(runs[0].raw["events"][0]["step"], 30);

  run::MetricsFileReader metrics(runs[0].folder / "metrics.csv");
  metrics.poll();
  ASSERT_EQ(metrics.rows().size(), 40u);
  // The second metric is the running total plus the offset: the change shows from step 31.
  EXPECT_NEAR(metrics.rows()[31].values[1] - metrics.rows()[30].values[1],
              metrics.rows()[31].values[0], 1e-12);
  EXPECT_NEAR(metrics.rows()[30].values[1] - metrics.rows()[29].values[1],
              metrics.rows()[30].values[0] + 2.5, 1e-12);
}

TEST_F(RunRecorderTest, ARunWithNoStepLeavesNoFolder) {
  run::RecorderOptions options;
  options.runsDirectory = m_dir;
  train::SessionOptions sessionOptions;
  sessionOptions.observer = std::make_shared<run::RunRecorder>(fakeLesson(), options);
  {
    train::Session session(
        [](std::uint64_t seed) { return std::make_unique<FakeTrainer>(seed, nullptr); }, 5,
        sessionOptions);
    ASSERT_TRUE(session.waitUntilIdle(10s));
  }
  EXPECT_TRUE(runFolders(m_dir).empty());
}

// An observer that fails (a full disk): the session reports it, drops the observer, and goes
// on training.
struct FailingObserver : train::SessionObserver {
  void trainerStarted(const train::Trainer&, std::uint64_t) override {}
  void stepped(const train::Trainer& trainer, std::span<const double>) override {
    if (trainer.stepsDone() == 3) throw DataError("/full/metrics.csv: write failed (disk full?)");
  }
  void settingChanged(const train::Trainer&, const std::string&, const nlohmann::json&) override {}
  void stepFailed(const train::Trainer&, const train::TrainingFailure&) override {}
  void trainerEnding(const train::Trainer&) override {}
};

TEST_F(RunRecorderTest, ARecorderThatFailsStopsRecordingNotTraining) {
  train::SessionOptions sessionOptions;
  sessionOptions.observer = std::make_shared<FailingObserver>();
  train::Session session(
      [](std::uint64_t seed) { return std::make_unique<FakeTrainer>(seed, nullptr); }, 5,
      sessionOptions);
  session.stepN(10);
  ASSERT_TRUE(session.waitUntilIdle(10s));
  EXPECT_EQ(session.stepsDone(), 10);
  const auto messages = session.takeMessages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_NE(messages[0].find("recording stopped"), std::string::npos);
  EXPECT_NE(messages[0].find("/full/metrics.csv"), std::string::npos);
}

// A write that fails for want of space (StorageError) stops training too: going on unrecorded
// is the user's decision, not the lab's.
struct DiskFullObserver : FailingObserver {
  void stepped(const train::Trainer& trainer, std::span<const double>) override {
    if (trainer.stepsDone() == 3)
      throw StorageError(
          "/full/metrics.csv: no space left on device (12 bytes of rows not written)");
  }
};

TEST_F(RunRecorderTest, AFullDiskPausesTrainingWithTheFileNamed) {
  train::SessionOptions sessionOptions;
  sessionOptions.observer = std::make_shared<DiskFullObserver>();
  train::Session session(
      [](std::uint64_t seed) { return std::make_unique<FakeTrainer>(seed, nullptr); }, 5,
      sessionOptions);
  session.play();
  ASSERT_TRUE(session.waitUntilIdle(10s));
  EXPECT_EQ(session.stepsDone(), 3);
  EXPECT_EQ(session.state(), train::RunState::kPaused);
  const auto messages = session.takeMessages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_NE(messages[0].find("training paused"), std::string::npos) << messages[0];
  EXPECT_NE(messages[0].find("/full/metrics.csv: no space left"), std::string::npos);
}

TEST_F(RunRecorderTest, RestoreShowsACheckpointInALiveSession) {
  FakeTrainer saved(9, nullptr);
  std::vector<double> values(2);
  for (int i = 0; i < 12; ++i) saved.step(values, {});
  saved.saveCheckpoint(m_dir / "twelve.json");

  train::Session session(
      [](std::uint64_t seed) { return std::make_unique<FakeTrainer>(seed, nullptr); }, 9, {});
  session.restore(m_dir / "twelve.json");
  ASSERT_TRUE(session.waitUntilIdle(10s));
  EXPECT_EQ(session.stepsDone(), 12);
  const auto snapshot = std::dynamic_pointer_cast<const FakeSnapshot>(session.latest());
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->step, 12);
  EXPECT_EQ(snapshot->total, values[1]);

  writeText(m_dir / "bad.json", "{\"model\": \"other\"}");
  session.restore(m_dir / "bad.json");
  ASSERT_TRUE(session.waitUntilIdle(10s));
  EXPECT_EQ(session.stepsDone(), 12);  // unchanged
  const auto messages = session.takeMessages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_NE(messages[0].find("bad.json"), std::string::npos);
}

}  // namespace
}  // namespace genlab::test
