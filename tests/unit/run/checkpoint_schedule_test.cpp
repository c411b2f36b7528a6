#include "core/run/checkpoint_schedule.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace genlab::test {
namespace {

using run::CheckpointPolicy;
using run::CheckpointRecord;
using run::CheckpointSchedule;

// Drives a schedule over `steps` steps of `secondsPerStep` each, checkpoints costing
// `writeSeconds` and `bytes`; returns every step a checkpoint was written at.
std::vector<std::int64_t> drive(CheckpointSchedule& schedule, std::int64_t steps,
                                double secondsPerStep, double writeSeconds, std::uint64_t bytes) {
  std::vector<std::int64_t> written;
  double now = 0.0;
  for (std::int64_t step = 0; step <= steps; ++step) {
    now += secondsPerStep;
    if (schedule.due(step, now)) {
      schedule.add({step, "step-" + std::to_string(step), bytes}, now, writeSeconds);
      now += writeSeconds;
      written.push_back(step);
    }
  }
  return written;
}

TEST(CheckpointSchedule, DenseEarlyBoundedCountAlwaysFirstAndLast) {
  CheckpointSchedule schedule(CheckpointPolicy{.maxCount = 16});
  const auto written = drive(schedule, 10000, 0.01, 0.0, 100);
  // The first steps are all checkpointed (dense early).
  ASSERT_GE(written.size(), 8u);
  for (std::int64_t s = 0; s < 8; ++s) EXPECT_EQ(written[static_cast<std::size_t>(s)], s);
  const auto& kept = schedule.kept();
  EXPECT_LE(kept.size(), 16u);
  EXPECT_GE(kept.size(), 8u);
  EXPECT_EQ(kept.front().step, 0);
  EXPECT_EQ(kept.back().step, written.back());
  EXPECT_GE(kept.back().step, 10000 - schedule.interval());
  // Spread out later: no gap between kept steps is more than about twice the average.
  std::int64_t widest = 0;
  for (std::size_t i = 1; i + 1 < kept.size(); ++i)
    widest = std::max(widest, kept[i].step - kept[i - 1].step);
  EXPECT_LE(widest, 2 * (kept.back().step / static_cast<std::int64_t>(kept.size() - 1)) + 2);
}

TEST(CheckpointSchedule, ByteBudgetIsAHardLimitButTheNewestStays) {
  CheckpointSchedule schedule(CheckpointPolicy{.maxCount = 64, .budgetBytes = 1000});
  drive(schedule, 500, 0.01, 0.0, 150);
  EXPECT_LE(schedule.keptBytes(), 1000u);
  EXPECT_EQ(schedule.kept().front().step, 0);

  CheckpointSchedule huge(CheckpointPolicy{.budgetBytes = 1000});
  const auto written = drive(huge, 50, 0.01, 0.0, 700);
  ASSERT_EQ(huge.kept().size(), 1u);  // two do not fit: only the newest
  EXPECT_EQ(huge.kept().back().step, written.back());
}

TEST(CheckpointSchedule, WritingTimeStaysWithinItsShare) {
  // Each checkpoint takes as long as 100 steps: at most ~10% of the time goes to writing.
  CheckpointSchedule schedule(CheckpointPolicy{.maxTimeShare = 0.1, .freeSeconds = 0.0});
  const auto written = drive(schedule, 100000, 0.001, 0.1, 10);
  const double writing = 0.1 * static_cast<double>(written.size());
  const double training = 0.001 * 100000;
  EXPECT_LE(writing, 0.1 * (training + writing) + 0.1);
  EXPECT_GE(written.size(), 50u);  // but it still checkpoints regularly
}

TEST(CheckpointSchedule, ForcesOneAfterMaxSecondsWhateverTheInterval) {
  CheckpointSchedule schedule(CheckpointPolicy{.maxCount = 2, .maxSecondsBetween = 5.0});
  // Slow steps (3 s) and a tiny count, so the interval grows fast; time still forces writes.
  const auto written = drive(schedule, 40, 3.0, 0.0, 1);
  for (std::size_t i = 1; i < written.size(); ++i)
    EXPECT_LE((written[i] - written[i - 1]) * 3.0, 6.0 + 1e-9) << written[i];
}

TEST(CheckpointSchedule, AdoptKeepsWhatIsOnDiskAndGoesOn) {
  CheckpointSchedule schedule(CheckpointPolicy{.maxCount = 8});
  schedule.adopt({{0, "a", 1}, {64, "c", 1}, {32, "b", 1}});
  ASSERT_EQ(schedule.kept().size(), 3u);
  EXPECT_EQ(schedule.kept()[1].step, 32);
  EXPECT_FALSE(schedule.due(64, 1.0));  // not before the newest
  EXPECT_TRUE(schedule.due(96, 1.0));
}

TEST(CheckpointSchedule, AReplacedStepDeletesTheOlderFile) {
  CheckpointSchedule schedule;
  schedule.add({5, "step-5.json", 1}, 0.0, 0.0);
  const auto deleted = schedule.add({5, "step-5.pt", 1}, 0.1, 0.0);
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_EQ(deleted[0].file, "step-5.json");
  EXPECT_EQ(schedule.kept().size(), 1u);
}

}  // namespace
}  // namespace genlab::test
