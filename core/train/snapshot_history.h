#pragma once
// Snapshots kept along a run so it can be scrubbed back in time and two runs compared at the
// same step, in bounded memory.
//
// Invariant: at most `capacity` snapshots are kept, roughly evenly spaced over the whole run.
// A snapshot is offered every step; one is kept when its step is a multiple of the current
// interval. When the store is full, every other snapshot is dropped and the interval doubles,
// so an arbitrarily long run keeps between capacity/2 and capacity snapshots spread over all of
// it, and the first snapshot (step 0) is always kept.

#include <algorithm>
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

class SnapshotHistory {
 public:
  explicit SnapshotHistory(std::size_t capacity = 256, std::int64_t interval = 1)
      : m_capacity(std::max<std::size_t>(capacity, 2)),
        m_interval(std::max<std::int64_t>(interval, 1)) {}

  // Returns true when the snapshot was kept (the timeline changed).
  bool offer(const SnapshotPtr& snapshot) {
    if (!snapshot || snapshot->step % m_interval != 0) return false;
    if (!m_kept.empty() && m_kept.back()->step >= snapshot->step) {
      m_kept.back() = snapshot;  // an edit republished the same step: keep the newest state
      return true;
    }
    m_kept.push_back(snapshot);
    if (m_kept.size() > m_capacity) thin();
    return true;
  }

  void clear() { m_kept.clear(); }

  std::int64_t interval() const { return m_interval; }
  std::size_t size() const { return m_kept.size(); }

  std::shared_ptr<const SnapshotTimeline> timeline() const {
    auto copy = std::make_shared<SnapshotTimeline>();
    copy->snapshots = m_kept;
    return copy;
  }

 private:
  void thin() {
    m_interval *= 2;
    std::erase_if(m_kept, [this](const SnapshotPtr& s) { return s->step % m_interval != 0; });
  }

  std::size_t m_capacity;
  std::int64_t m_interval;
  std::vector<SnapshotPtr> m_kept;
};

}  // namespace genlab::train
