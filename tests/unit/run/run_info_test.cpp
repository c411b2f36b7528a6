#include "core/run/run_info.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/platform/process_identity.h"
#include "core/run/run_catalog.h"
#include "core/util/errors.h"
#include "tests/unit/run/run_test_folder.h"

namespace genlab::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using RunInfoTest = TempFolderTest;

json minimalRun(int pid, std::uint64_t pidStart) {
  return {{"format", 2},
          {"model", "gmm"},
          {"status", "running"},
          {"lesson_id", "blobs"},
          {"host", platform::hostName()},
          {"pid", pid},
          {"pid_start", pidStart},
          {"started", "2026-01-01T00:00:00Z"},
          {"settings", {{"k", 3}}}};
}

// The pid of a process that has exited and been reaped.
int deadPid() {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  int status = 0;
  waitpid(child, &status, 0);
  return static_cast<int>(child);
}

TEST_F(RunInfoTest, ARunningRunWhoseProcessIsGoneIsInterrupted) {
  writeText(m_dir / "dead" / "run.json", minimalRun(deadPid(), 0).dump());
  EXPECT_EQ(run::readRunInfo(m_dir / "dead").status, "interrupted");
  EXPECT_EQ(run::readRunInfo(m_dir / "dead").recordedStatus, "running");

  const int self = platform::currentProcessId();
  writeText(m_dir / "alive" / "run.json",
            minimalRun(self, platform::processStartTicks(self)).dump());
  EXPECT_EQ(run::readRunInfo(m_dir / "alive").status, "running");

  // Our pid, but another start time: the pid was reused, the run's process is gone.
  writeText(m_dir / "reused" / "run.json",
            minimalRun(self, platform::processStartTicks(self) + 1).dump());
  EXPECT_EQ(run::readRunInfo(m_dir / "reused").status, "interrupted");

  // Another host with a stale heartbeat.
  json remote = minimalRun(1, 0);
  remote["host"] = "elsewhere.invalid";
  remote["heartbeat"] = "2020-01-01T00:00:00Z";
  writeText(m_dir / "remote" / "run.json", remote.dump());
  EXPECT_EQ(run::readRunInfo(m_dir / "remote").status, "interrupted");
}

TEST_F(RunInfoTest, BadFoldersAreRefusedWithTheFileNamed) {
  fs::create_directories(m_dir / "empty");
  try {
    run::readRunInfo(m_dir / "empty");
    FAIL();
  } catch (const DataError& error) {
    EXPECT_NE(std::string(error.what()).find("not a run folder"), std::string::npos);
  }
  json newer = minimalRun(1, 0);
  newer["format"] = 99;
  writeText(m_dir / "newer" / "run.json", newer.dump());
  try {
    run::readRunInfo(m_dir / "newer");
    FAIL();
  } catch (const DataError& error) {
    const std::string what = error.what();
    EXPECT_NE(what.find("run.json"), std::string::npos) << what;
    EXPECT_NE(what.find("newer genlab"), std::string::npos) << what;
  }
  writeText(m_dir / "broken" / "run.json", "{\"model\": \"gmm\", \"status\": ");
  try {
    run::readRunInfo(m_dir / "broken");
    FAIL();
  } catch (const DataError& error) {
    EXPECT_NE(std::string(error.what()).find("broken/run.json:1:"), std::string::npos)
        << error.what();
  }
  json wrongType = minimalRun(1, 0);
  wrongType["model"] = 3;
  writeText(m_dir / "typed" / "run.json", wrongType.dump());
  EXPECT_THROW(run::readRunInfo(m_dir / "typed"), DataError);
}

TEST_F(RunInfoTest, CheckpointsOnDiskCountEvenWhenRunJsonMissedThem) {
  json info = minimalRun(deadPid(), 0);
  info["checkpoints"] = json::array({{{"step", 0}, {"file", "checkpoints/step-00000000.json"}}});
  writeText(m_dir / "run" / "run.json", info.dump());
  writeText(m_dir / "run" / "checkpoints" / "step-00000000.json", "{}");
  writeText(m_dir / "run" / "checkpoints" / "step-00000040.json", "{}");  // renamed, then killed
  writeText(m_dir / "run" / "checkpoints" / ".step-00000050.json.tmp", "{");  // never renamed
  const auto read = run::readRunInfo(m_dir / "run");
  ASSERT_EQ(read.checkpoints.size(), 2u);
  EXPECT_EQ(read.checkpoints.back().step, 40);
  EXPECT_EQ(read.stepsDone, 40);
  EXPECT_EQ(read.checkpointAtOrBefore(39)->step, 0);
  EXPECT_EQ(read.checkpointAtOrBefore(40)->step, 40);
  EXPECT_EQ(read.checkpointAtOrBefore(1000)->step, 40);
}

TEST_F(RunInfoTest, ListFindsNestedRunsNewestFirstAndReportsBrokenOnes) {
  json a = minimalRun(deadPid(), 0);
  a["started"] = "2026-01-01T00:00:00Z";
  json b = minimalRun(deadPid(), 0);
  b["started"] = "2026-02-01T00:00:00Z";
  writeText(m_dir / "a" / "run.json", a.dump());
  writeText(m_dir / "sweep" / "point-1" / "run.json", b.dump());
  writeText(m_dir / "sweep" / "point-1" / "metrics.csv",
            "step,wall_time,ll\n1,0.1,-2\n2,0.2,-1.5\n");
  writeText(m_dir / "bad" / "run.json", "[]");
  std::vector<std::string> problems;
  const auto runs = run::listRuns(m_dir, problems);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].info.folder.filename(), "point-1");
  EXPECT_EQ(runs[0].lastStep, 2);
  EXPECT_EQ(runs[0].lastMetrics, std::vector<double>{-1.5});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("bad"), std::string::npos);
}

TEST_F(RunInfoTest, SettingsChangedFromTheLessonAreTheOverriddenAndTheEdited) {
  json info = minimalRun(deadPid(), 0);
  info["lesson"] = {{"title", "t"}, {"model", "gmm"}, {"settings", {{"k", 3}, {"tol", 1e-6}}}};
  info["overrides"] = {"beta=4"};
  info["settings_at_start"] = {{"k", 3}, {"tol", 1e-6}, {"beta", 4}, {"lr", 0.1}};
  info["settings"] = {{"k", 3}, {"tol", 1e-6}, {"beta", 4}, {"lr", 0.01}};
  writeText(m_dir / "run" / "run.json", info.dump());
  const auto changed = run::settingsChangedFromLesson(run::readRunInfo(m_dir / "run"));
  EXPECT_EQ(changed, json({{"beta", 4}, {"lr", 0.01}}));
}

}  // namespace
}  // namespace genlab::test
