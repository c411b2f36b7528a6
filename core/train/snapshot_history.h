#pragma once
// Snapshots kept along a run so it can be scrubbed back in time and two runs compared at the
// same step, in bounded memory.
//
// Invariant: at most `capacity` snapshots, and at most `byteBudget` bytes of them (as their
// Snapshot::bytes() counts), are kept, roughly evenly spaced over the whole run. A snapshot is
// offered every step; one is kept when its step is a multiple of the current interval. When the
// store is over either bound, every other snapshot is dropped and the interval doubles, so an
// arbitrarily long run keeps a spread of snapshots over all of it. The first and the newest
// kept snapshots are never dropped, so the timeline always spans the run from its first step
// (even when two snapshots alone exceed the budget: a budget thins, it never blanks).

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/train/trainer.h"

namespace genlab::train {

struct SnapshotTimeline {
  std::vector<SnapshotPtr> snapshots;  // ordered by step

  // The kept snapshot with the largest step <= `step` (or the first one); null when empty.
  SnapshotPtr atOrBefore(std::int64_t step) const {
    if (snapshots.empty()) return nullptr;
    auto it =
        std::upper_bound(snapshots.begin(), snapshots.end(), step,
                         [](std::int64_t s, const SnapshotPtr& snap) { return s < snap->step; });
    return it == snapshots.begin() ? snapshots.front() : *std::prev(it);
  }
};

// A byte bound its owner may change while a store obeys it (the lab splits its budget between
// the runs open now and stores each run's share here); read at every offer. Null: no bound.
using SharedByteBudget = std::shared_ptr<const std::atomic<std::size_t>>;

inline SharedByteBudget fixedByteBudget(std::size_t bytes) {
  return std::make_shared<const std::atomic<std::size_t>>(bytes);
}

class SnapshotHistory {
 public:
  static constexpr std::size_t kUnlimited = ~std::size_t{0};

  explicit SnapshotHistory(std::size_t capacity = 256, std::int64_t interval = 1,
                           SharedByteBudget byteBudget = nullptr)
      : m_capacity(std::max<std::size_t>(capacity, 2)),
        m_byteBudget(std::move(byteBudget)),
        m_interval(std::max<std::int64_t>(interval, 1)) {}

  // Returns true when the snapshot was kept (the timeline changed).
  bool offer(const SnapshotPtr& snapshot) {
    if (!snapshot || snapshot->step % m_interval != 0) return false;
    if (!m_kept.empty() && m_kept.back()->step >= snapshot->step) {
      // An edit republished the same step: keep the newest state.
      m_bytes -= m_kept.back()->bytes();
      m_kept.back() = snapshot;
    } else {
      m_kept.push_back(snapshot);
    }
    m_bytes += snapshot->bytes();
    while (overBudget() && m_kept.size() > 2) thin();
    return true;
  }

  void clear() {
    m_kept.clear();
    m_bytes = 0;
  }

  std::int64_t interval() const { return m_interval; }
  std::size_t size() const { return m_kept.size(); }
  std::size_t bytes() const { return m_bytes; }  // sum of the kept snapshots' bytes()
  std::size_t byteBudget() const {
    return m_byteBudget ? m_byteBudget->load(std::memory_order_relaxed) : kUnlimited;
  }

  std::shared_ptr<const SnapshotTimeline> timeline() const {
    auto copy = std::make_shared<SnapshotTimeline>();
    copy->snapshots = m_kept;
    return copy;
  }

 private:
  bool overBudget() const { return m_kept.size() > m_capacity || m_bytes > byteBudget(); }

  // Doubles the interval and drops the snapshots off the new grid, except the first and the
  // newest.
  void thin() {
    m_interval *= 2;
    const SnapshotPtr first = m_kept.front();
    const SnapshotPtr last = m_kept.back();
    std::erase_if(m_kept, [&](const SnapshotPtr& s) {
      return s->step % m_interval != 0 && s != first && s != last;
    });
    m_bytes = 0;
    for (const SnapshotPtr& s : m_kept) m_bytes += s->bytes();
  }

  std::size_t m_capacity;
  SharedByteBudget m_byteBudget;
  std::size_t m_bytes = 0;
  std::int64_t m_interval;
  std::vector<SnapshotPtr> m_kept;
};

}  // namespace genlab::train
