#pragma once
// The last `capacity` rows of training metrics, written by one trainer thread and read by any
// number of others without locks.
//
// Invariants: only the writer calls push() and reset(). Row i (0-based over the whole run)
// lives in slot i % capacity. `m_written` counts rows ever pushed and is stored with release
// after a row's cells, so a reader that loads it with acquire sees complete rows below it. A
// reader copies rows, then re-reads `m_written` and drops any row the writer may have lapped
// while it copied. Cells are relaxed atomics so a lapped read is a stale value, not a data race.

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace genlab::train {

struct MetricsRow {
  std::int64_t step = 0;
  double wallSeconds = 0.0;    // training time since the run began
  std::vector<double> values;  // one per column, in the order of MetricsRing::columns()
};

class MetricsRing {
 public:
  MetricsRing(std::vector<std::string> columns, std::size_t capacity)
      : m_columns(std::move(columns)),
        m_capacity(std::max<std::size_t>(capacity, 1)),
        m_steps(m_capacity),
        m_times(m_capacity),
        m_cells(m_capacity * std::max<std::size_t>(m_columns.size(), 1)) {}

  // The most rows that fit in `bytes` with `columns` values each (at least 1024).
  static std::size_t capacityFor(std::size_t bytes, std::size_t columns) {
    return std::max<std::size_t>(bytes / ((columns + 2) * sizeof(double)), 1024);
  }

  const std::vector<std::string>& columns() const { return m_columns; }
  std::size_t capacity() const { return m_capacity; }

  // Rows pushed since construction (not since reset: readers use this to spot new rows).
  std::uint64_t written() const { return m_written.load(std::memory_order_acquire); }

  // The first row index still held, and a reset generation so readers can drop stale copies.
  std::uint64_t firstRetained() const {
    const std::uint64_t written = m_written.load(std::memory_order_acquire);
    const std::uint64_t start = m_start.load(std::memory_order_acquire);
    // The slot of row `written` is being overwritten next, so the oldest row is not safe.
    return std::max(start, written >= m_capacity ? written - m_capacity + 1 : 0);
  }
  std::uint64_t generation() const { return m_generation.load(std::memory_order_acquire); }

  void push(std::int64_t step, std::span<const double> values, double wallSeconds = 0.0) {
    const std::uint64_t row = m_written.load(std::memory_order_relaxed);
    const std::size_t slot = row % m_capacity;
    m_steps[slot].store(step, std::memory_order_relaxed);
    m_times[slot].store(wallSeconds, std::memory_order_relaxed);
    const std::size_t width = m_columns.size();
    for (std::size_t c = 0; c < width; ++c) {
      m_cells[slot * width + c].store(c < values.size() ? values[c] : 0.0,
                                      std::memory_order_relaxed);
    }
    m_written.store(row + 1, std::memory_order_release);
  }

  // Forgets every row (a session reset). Readers notice through generation().
  void reset() {
    m_start.store(m_written.load(std::memory_order_relaxed), std::memory_order_release);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
  }

  // Appends to `out` the rows with index in [from, written()) that are still held, and returns
  // the index to pass as `from` next time.
  std::uint64_t readSince(std::uint64_t from, std::vector<MetricsRow>& out) const {
    const std::uint64_t end = m_written.load(std::memory_order_acquire);
    const std::uint64_t begin = std::max(from, firstRetained());
    const std::size_t width = m_columns.size();
    const std::size_t firstNew = out.size();
    for (std::uint64_t row = begin; row < end; ++row) {
      const std::size_t slot = row % m_capacity;
      MetricsRow copy;
      copy.step = m_steps[slot].load(std::memory_order_relaxed);
      copy.wallSeconds = m_times[slot].load(std::memory_order_relaxed);
      copy.values.resize(width);
      for (std::size_t c = 0; c < width; ++c) {
        copy.values[c] = m_cells[slot * width + c].load(std::memory_order_relaxed);
      }
      out.push_back(std::move(copy));
    }
    // Rows the writer overwrote while we copied are stale: drop them from the front.
    const std::uint64_t endAfter = m_written.load(std::memory_order_acquire);
    const std::uint64_t safeBegin = endAfter >= m_capacity ? endAfter - m_capacity + 1 : 0;
    if (safeBegin > begin) {
      const std::size_t lapped = std::min<std::size_t>(safeBegin - begin, out.size() - firstNew);
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(firstNew),
                out.begin() + static_cast<std::ptrdiff_t>(firstNew + lapped));
    }
    return end;
  }

 private:
  std::vector<std::string> m_columns;
  std::size_t m_capacity;
  std::vector<std::atomic<std::int64_t>> m_steps;
  std::vector<std::atomic<double>> m_times;
  std::vector<std::atomic<double>> m_cells;
  std::atomic<std::uint64_t> m_written{0};
  std::atomic<std::uint64_t> m_start{0};
  std::atomic<std::uint64_t> m_generation{0};
};

}  // namespace genlab::train
