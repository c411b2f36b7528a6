#include "core/run/checkpoint_schedule.h"

#include <algorithm>

namespace genlab::run {

void CheckpointSchedule::adopt(std::vector<CheckpointRecord> existing) {
  std::sort(existing.begin(), existing.end(),
            [](const CheckpointRecord& a, const CheckpointRecord& b) { return a.step < b.step; });
  m_kept = std::move(existing);
  m_interval = 1;
  // The thinning that produced these left steps that are multiples of the interval (apart from
  // checkpoints forced by time, and the last): the largest power of two dividing the middle
  // steps' spacing is a fair restart.
  if (m_kept.size() >= 3) {
    const std::int64_t spacing = m_kept[m_kept.size() - 2].step - m_kept[m_kept.size() - 3].step;
    while (spacing > 0 && m_interval * 2 <= spacing) m_interval *= 2;
  }
}

std::uint64_t CheckpointSchedule::keptBytes() const {
  std::uint64_t total = 0;
  for (const auto& record : m_kept) total += record.bytes;
  return total;
}

bool CheckpointSchedule::due(std::int64_t step, double elapsedSeconds) const {
  if (m_kept.empty()) return true;
  if (step <= m_kept.back().step) return false;
  const double sinceLast = elapsedSeconds - std::max(m_lastWriteAt, 0.0);
  if (m_lastWriteAt >= 0.0 && sinceLast >= m_policy.maxSecondsBetween) return true;
  if (step % m_interval != 0) return false;
  // Cost bound: the time spent writing stays within the share of the run's time.
  const double average = m_writes > 0 ? m_writeSeconds / static_cast<double>(m_writes) : 0.0;
  return m_writeSeconds + average <=
         m_policy.freeSeconds + m_policy.maxTimeShare * std::max(elapsedSeconds, 0.0);
}

bool CheckpointSchedule::overBudget() const {
  return m_kept.size() > std::max<std::size_t>(m_policy.maxCount, 2) ||
         keptBytes() > m_policy.budgetBytes;
}

std::vector<CheckpointRecord> CheckpointSchedule::thin() {
  // Keep the first, every other one after it, and the newest.
  std::vector<CheckpointRecord> kept;
  std::vector<CheckpointRecord> dropped;
  for (std::size_t i = 0; i < m_kept.size(); ++i) {
    const bool first = i == 0;
    const bool newest = i + 1 == m_kept.size();
    if (first || newest || i % 2 == 0)
      kept.push_back(m_kept[i]);
    else
      dropped.push_back(m_kept[i]);
  }
  if (dropped.empty() && kept.size() > 2) {
    // Three left and still over: the middle one goes.
    dropped.push_back(kept[1]);
    kept.erase(kept.begin() + 1);
  }
  m_kept = std::move(kept);
  m_interval *= 2;
  return dropped;
}

std::vector<CheckpointRecord> CheckpointSchedule::add(CheckpointRecord record,
                                                      double elapsedSeconds, double writeSeconds) {
  std::vector<CheckpointRecord> deleted;
  // A checkpoint at a step already kept (a hand edit republished the step) replaces it.
  if (!m_kept.empty() && m_kept.back().step == record.step) {
    if (m_kept.back().file != record.file) deleted.push_back(m_kept.back());
    m_kept.back() = std::move(record);
  } else {
    m_kept.push_back(std::move(record));
  }
  m_lastWriteAt = elapsedSeconds;
  m_writeSeconds += std::max(writeSeconds, 0.0);
  ++m_writes;
  while (overBudget() && m_kept.size() > 2) {
    auto dropped = thin();
    deleted.insert(deleted.end(), dropped.begin(), dropped.end());
  }
  // Two left and still over the byte budget: one checkpoint is bigger than half of it. The
  // newest must stay (resume); the first goes only when even the newest alone does not fit.
  if (m_kept.size() == 2 && keptBytes() > m_policy.budgetBytes) {
    deleted.push_back(m_kept.front());
    m_kept.erase(m_kept.begin());
  }
  return deleted;
}

}  // namespace genlab::run
