// The lab's copy of a run's metrics stays within its byte budget and still spans the run.
#include <gtest/gtest.h>

#include <vector>

#include "core/train/metrics_ring.h"
#include "ui/views/metrics_cache.h"

namespace genlab::views {
namespace {

TEST(MetricsCacheBudget, ThinsButKeepsFirstAndLastRows) {
  train::MetricsRing ring({"loss", "delta"}, 1 << 12);
  MetricsCache cache;
  const std::size_t budget = 64 * 1024;
  cache.setByteBudget(budget);
  const std::vector<double> values = {1.0, 2.0};
  const std::int64_t steps = 100000;
  for (std::int64_t step = 1; step <= steps; ++step) {
    ring.push(step, values);
    if (step % 1000 == 0) {
      cache.update(ring);
      ASSERT_LE(cache.bytes(), budget) << "at step " << step;
    }
  }
  const auto& rows = cache.rows();
  ASSERT_GT(rows.size(), 100u);
  EXPECT_EQ(rows.front().step, 1);
  EXPECT_EQ(rows.back().step, steps);
  for (std::size_t i = 1; i < rows.size(); ++i) ASSERT_LT(rows[i - 1].step, rows[i].step);
}

TEST(MetricsCacheBudget, UnboundedByDefault) {
  train::MetricsRing ring({"loss"}, 1 << 12);
  MetricsCache cache;
  const std::vector<double> values = {1.0};
  for (std::int64_t step = 1; step <= 3000; ++step) ring.push(step, values);
  cache.update(ring);
  EXPECT_EQ(cache.rows().size(), 3000u);
}

}  // namespace
}  // namespace genlab::views
