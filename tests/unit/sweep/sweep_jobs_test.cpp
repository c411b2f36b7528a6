// Where a sweep's run stands, read from its folder, and the `genlab train` command each state
// gets: a fresh run with its point's settings and seed, an interrupted one continued.

#include "core/run/sweep_jobs.h"

#include <gtest/gtest.h>

#include "core/platform/process_identity.h"
#include "tests/unit/run/run_test_folder.h"

namespace genlab::run {
namespace {

using nlohmann::json;
using SweepJobs = test::TempFolderTest;

json recordedRun(const std::string& status, bool withCheckpoint) {
  json run = {{"format", 2},
              {"model", "gmm"},
              {"status", status},
              {"lesson_id", "blobs"},
              {"host", platform::hostName()},
              {"pid", platform::currentProcessId()},
              {"pid_start", platform::processStartTicks(platform::currentProcessId())},
              {"started", "2026-01-01T00:00:00Z"},
              {"settings", {{"k", 3}}}};
  run["checkpoints"] = json::array();
  if (withCheckpoint)
    run["checkpoints"].push_back({{"step", 0}, {"file", "checkpoints/step-0.json"}});
  return run;
}

TEST_F(SweepJobs, StatesComeFromTheRunFolder) {
  const SweepPlan plan = makeSweepPlan("/l.json", {parseGridItem("k=2,3,4,5,6,7")}, 1, 0, 10);
  auto write = [&](int i, const json& run) {
    test::writeText(m_dir / plan.runs[static_cast<std::size_t>(i)].folder / "run.json", run.dump());
  };
  write(1, recordedRun("finished", true));
  write(2, recordedRun("interrupted", true));
  write(3, recordedRun("interrupted", false));
  write(4, recordedRun("failed", true));
  write(5, recordedRun("running", true));  // this process: alive
  auto state = [&](int i) {
    return inspectSweepRun(m_dir, plan.runs[static_cast<std::size_t>(i)]).state;
  };
  EXPECT_EQ(state(0), SweepRunState::kMissing);
  EXPECT_EQ(state(1), SweepRunState::kFinished);
  EXPECT_EQ(state(2), SweepRunState::kInterrupted);
  EXPECT_EQ(state(3), SweepRunState::kFailed);  // nothing to continue from
  EXPECT_EQ(state(4), SweepRunState::kFailed);
  EXPECT_EQ(state(5), SweepRunState::kRunning);
  EXPECT_EQ(inspectSweepRun(m_dir, plan.runs[3]).detail, "interrupted before its first checkpoint");
}

TEST_F(SweepJobs, AFreshRunGetsItsPointAndSeedAnInterruptedOneIsResumed) {
  const SweepPlan plan =
      makeSweepPlan("/x/l.json", {parseGridItem("k=2,3"), parseGridItem("tol=1e-3")}, 2, 10, 40);
  const SweepRunPlan& run = plan.runs[3];  // grid point 1, seed index 1
  EXPECT_EQ(trainArguments(plan, run, "/s", SweepRunState::kMissing),
            (std::vector<std::string>{"train", "/x/l.json", "--set", "k=3", "--set", "tol=1e-3",
                                      "--seed", "11", "--steps", "40", "--origin", "sweep",
                                      "--quiet", "--out", "/s/" + run.folder}));
  EXPECT_EQ(trainArguments(plan, run, "/s", SweepRunState::kInterrupted),
            (std::vector<std::string>{"train", "--resume", "/s/" + run.folder, "--steps", "40",
                                      "--quiet"}));
}

}  // namespace
}  // namespace genlab::run
