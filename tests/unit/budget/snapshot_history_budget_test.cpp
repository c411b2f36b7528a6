// The timeline's byte budget: it thins instead of growing, keeps its first and newest
// snapshots, and stays spread over the whole run.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>

#include "core/train/snapshot_history.h"

namespace genlab::train {
namespace {

struct SizedSnapshot final : Snapshot {
  std::size_t size = 0;
  std::size_t bytes() const override { return size; }
};

SnapshotPtr sized(std::int64_t step, std::size_t size) {
  auto snap = std::make_shared<SizedSnapshot>();
  snap->step = step;
  snap->size = size;
  return snap;
}

constexpr std::size_t kSnapshotBytes = 1 << 20;

TEST(SnapshotHistoryBudget, StaysWithinItsBytesAndSpansTheRun) {
  const std::size_t budget = 10 * kSnapshotBytes + kSnapshotBytes / 2;  // room for 10
  SnapshotHistory history(256, 1, fixedByteBudget(budget));
  const std::int64_t steps = 5000;
  for (std::int64_t step = 0; step <= steps; ++step) {
    history.offer(sized(step, kSnapshotBytes));
    ASSERT_LE(history.bytes(), budget) << "at step " << step;
  }
  const auto timeline = history.timeline();
  ASSERT_GE(timeline->snapshots.size(), 4u);  // thinning halves: at least budget / 2 kept
  EXPECT_LE(timeline->snapshots.size(), 10u);
  EXPECT_EQ(timeline->snapshots.front()->step, 0);
  // The newest kept snapshot is within one interval of the run's last step.
  EXPECT_GT(timeline->snapshots.back()->step, steps - history.interval());
  // Spread over the run: no gap wider than two intervals.
  for (std::size_t i = 1; i < timeline->snapshots.size(); ++i)
    EXPECT_LE(timeline->snapshots[i]->step - timeline->snapshots[i - 1]->step,
              2 * history.interval());
}

TEST(SnapshotHistoryBudget, WithoutAByteBudgetOnlyTheCountBounds) {
  SnapshotHistory history(16);
  for (std::int64_t step = 0; step < 100; ++step) history.offer(sized(step, kSnapshotBytes));
  EXPECT_LE(history.size(), 16u);
  EXPECT_GE(history.size(), 8u);
  EXPECT_EQ(history.bytes(), history.size() * kSnapshotBytes);
}

TEST(SnapshotHistoryBudget, SnapshotsLargerThanTheBudgetKeepFirstAndNewest) {
  SnapshotHistory history(256, 1, fixedByteBudget(kSnapshotBytes));
  for (std::int64_t step = 0; step < 50; ++step) history.offer(sized(step, 3 * kSnapshotBytes));
  const auto timeline = history.timeline();
  ASSERT_EQ(timeline->snapshots.size(), 2u);
  EXPECT_EQ(timeline->snapshots.front()->step, 0);
  EXPECT_GE(timeline->snapshots.back()->step, 49 - history.interval());
}

TEST(SnapshotHistoryBudget, ALowerShareThinsAtTheNextOffer) {
  auto share = std::make_shared<std::atomic<std::size_t>>(100 * kSnapshotBytes);
  SnapshotHistory history(256, 1, share);
  for (std::int64_t step = 0; step < 64; ++step) history.offer(sized(step, kSnapshotBytes));
  EXPECT_EQ(history.size(), 64u);
  share->store(16 * kSnapshotBytes);  // a second run opened
  history.offer(sized(64, kSnapshotBytes));
  EXPECT_LE(history.bytes(), 16 * kSnapshotBytes);
  EXPECT_EQ(history.timeline()->snapshots.front()->step, 0);
  EXPECT_EQ(history.timeline()->snapshots.back()->step, 64);
}

TEST(SnapshotHistoryBudget, RepublishingAStepReplacesItsBytes) {
  SnapshotHistory history(256, 1, fixedByteBudget(100 * kSnapshotBytes));
  history.offer(sized(0, kSnapshotBytes));
  history.offer(sized(0, 2 * kSnapshotBytes));  // an edit republished step 0
  EXPECT_EQ(history.size(), 1u);
  EXPECT_EQ(history.bytes(), 2 * kSnapshotBytes);
}

}  // namespace
}  // namespace genlab::train
