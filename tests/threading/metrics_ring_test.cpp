#include "core/train/metrics_ring.h"

#include <gtest/gtest.h>

#include <thread>

#include "core/train/snapshot_history.h"

namespace genlab::test {
namespace {

TEST(MetricsRing, KeepsTheLastCapacityRowsInOrder) {
  train::MetricsRing ring({"a", "b"}, 8);
  for (int i = 0; i < 20; ++i) {
    const double values[] = {double(i), double(i) * 2};
    ring.push(i, values);
  }
  std::vector<train::MetricsRow> rows;
  const auto next = ring.readSince(0, rows);
  EXPECT_EQ(next, 20u);
  ASSERT_EQ(rows.size(), 7u);  // capacity - 1: the next slot to be written is never read
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].step, static_cast<std::int64_t>(13 + i));
    EXPECT_EQ(rows[i].values[1], 2.0 * rows[i].step);
  }
  rows.clear();
  EXPECT_EQ(ring.readSince(next, rows), 20u);
  EXPECT_TRUE(rows.empty());
}

TEST(MetricsRing, ConcurrentReaderSeesOnlyWholeRowsInOrder) {
  train::MetricsRing ring({"step", "twice"}, 64);
  constexpr int kRows = 200000;
  std::jthread writer([&] {
    for (int i = 0; i < kRows; ++i) {
      const double values[] = {double(i), 2.0 * i};
      ring.push(i, values);
    }
  });
  std::uint64_t next = 0;
  std::int64_t lastStep = -1;
  std::vector<train::MetricsRow> rows;
  while (next < static_cast<std::uint64_t>(kRows)) {
    rows.clear();
    next = ring.readSince(next, rows);
    for (const auto& row : rows) {
      ASSERT_GT(row.step, lastStep);
      ASSERT_EQ(row.values[0], double(row.step));  // a torn row would mix two steps
      ASSERT_EQ(row.values[1], 2.0 * row.step);
      lastStep = row.step;
    }
  }
  EXPECT_EQ(lastStep, kRows - 1);
}

TEST(SnapshotHistory, StaysBoundedAndEvenlySpread) {
  train::SnapshotHistory history(10);
  for (int step = 0; step <= 1000; ++step) {
    auto snap = std::make_shared<train::Snapshot>();
    snap->step = step;
    history.offer(snap);
  }
  const auto timeline = history.timeline();
  ASSERT_LE(timeline->snapshots.size(), 10u);
  ASSERT_GE(timeline->snapshots.size(), 5u);
  EXPECT_EQ(timeline->snapshots.front()->step, 0);
  const auto gap = timeline->snapshots[1]->step - timeline->snapshots[0]->step;
  for (std::size_t i = 1; i < timeline->snapshots.size(); ++i) {
    EXPECT_EQ(timeline->snapshots[i]->step - timeline->snapshots[i - 1]->step, gap);
  }
  EXPECT_EQ(timeline->atOrBefore(gap + 1)->step, gap);
}

}  // namespace
}  // namespace genlab::test
