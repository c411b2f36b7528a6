// What a sweep writes besides its runs: the Slurm script's array ranges and quoting, the
// summary's spread, and the jobs x threads policy.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cmath>

#include "core/platform/threading.h"
#include "core/run/sweep_slurm.h"
#include "core/run/sweep_summary.h"

namespace genlab::run {
namespace {

TEST(SweepSlurm, ArrayRangesJoinConsecutiveIndices) {
  EXPECT_EQ(arrayRanges({0, 1, 2, 3}), "0-3");
  EXPECT_EQ(arrayRanges({3, 5, 6, 7, 10}), "3,5-7,10");
  EXPECT_EQ(arrayRanges({4}), "4");
}

TEST(SweepSlurm, ShellQuoteSurvivesTheShell) {
  EXPECT_EQ(shellQuote("k=3"), "k=3");
  EXPECT_EQ(shellQuote("a b"), "'a b'");
  EXPECT_EQ(shellQuote("it's"), "'it'\\''s'");
  EXPECT_EQ(shellQuote(""), "''");
}

TEST(SweepSlurm, EachTaskRunsItsOwnCommand) {
  const SweepPlan plan = makeSweepPlan("/l.json", {parseGridItem("k=2,3")}, 1, 0, 10);
  const std::string script =
      slurmArrayScript(plan, "/s", "/bin/genlab-cli", {{0, {"train", "a b"}}, {1, {"train", "c"}}});
  EXPECT_NE(script.find("#SBATCH --array=0-1\n"), std::string::npos);
  EXPECT_NE(script.find("  0) exec \"$genlab\" train 'a b' ;;\n"), std::string::npos);
  EXPECT_NE(script.find("  1) exec \"$genlab\" train c ;;\n"), std::string::npos);
  EXPECT_NE(script.find("#SBATCH --output=/s/logs/slurm-%A_%a.log"), std::string::npos);
}

TEST(SweepSummaryMath, SpreadIsMeanAndSampleStandardDeviation) {
  const MetricSpread spread = spreadOf({1.0, 2.0, 6.0});
  EXPECT_EQ(spread.n, 3);
  EXPECT_DOUBLE_EQ(spread.mean, 3.0);
  EXPECT_DOUBLE_EQ(spread.sd, std::sqrt(7.0));  // squares 4 + 1 + 9 over n - 1 = 2
  EXPECT_EQ(spreadOf({5.0}).sd, 0.0);
  EXPECT_EQ(spreadOf({}).n, 0);
}

TEST(SweepThreads, JobsTimesThreadsNeverExceedTheCores) {
  setenv("GENLAB_THREADS", "8", 1);
  EXPECT_EQ(platform::planJobThreads(12, 0).jobs, 8);
  EXPECT_EQ(platform::planJobThreads(12, 0).threadsPerJob, 1);
  EXPECT_EQ(platform::planJobThreads(2, 0).jobs, 2);
  EXPECT_EQ(platform::planJobThreads(2, 0).threadsPerJob, 4);
  EXPECT_EQ(platform::planJobThreads(12, 3).threadsPerJob, 2);   // 3 x 2 <= 8
  EXPECT_EQ(platform::planJobThreads(12, 20).threadsPerJob, 1);  // asked for more jobs than cores
  for (int runs = 1; runs < 20; ++runs)
    for (int jobs = 0; jobs <= 8; ++jobs) {
      const auto plan = platform::planJobThreads(runs, jobs);
      EXPECT_LE(plan.jobs * plan.threadsPerJob, 8) << runs << " runs, --jobs " << jobs;
    }
  unsetenv("GENLAB_THREADS");
}

}  // namespace
}  // namespace genlab::run
