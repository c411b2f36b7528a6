#pragma once
// Which steps of a run get a checkpoint, and which checkpoints are deleted to stay within the
// run's disk budget.
//
// Policy, and why:
// - Dense early, spread out later: a checkpoint is due at steps that are multiples of an
//   interval that starts at 1 and doubles whenever the run holds more than `maxCount`
//   checkpoints or more than `budgetBytes`. Thinning then deletes every other checkpoint
//   between the first and the last, so the kept steps stay roughly evenly spread over the whole
//   run (the same rule as the in-memory snapshot history, core/train/snapshot_history.h).
// - Always the first and the last: the initial state is what a class compares against, and the
//   last is what a resume starts from. The last is never deleted; a new checkpoint replaces it
//   as "last" only after it is whole on disk.
// - Bounded cost: writing checkpoints may take at most `maxTimeShare` of the run's wall time
//   (after an allowance of `freeSeconds`), so a model that trains 50,000 steps a second is not
//   slowed down by writing files; a big model (the DCGAN) writes less often.
// - Bounded loss: at least one checkpoint every `maxSecondsBetween` of wall time whatever the
//   interval says, so a killed run loses at most that much training.
// - Bounded disk: the budget is a hard limit, except that the newest checkpoint is always kept.
//   When two checkpoints do not fit in it (a model bigger than half the budget), only the newest
//   stays.

#include <cstdint>
#include <filesystem>
#include <vector>

namespace genlab::run {

struct CheckpointPolicy {
  std::size_t maxCount = 64;
  std::uint64_t budgetBytes = 512ull << 20;
  double maxTimeShare = 0.10;
  double freeSeconds = 0.25;
  double maxSecondsBetween = 60.0;
};

struct CheckpointRecord {
  std::int64_t step = 0;
  std::filesystem::path file;  // relative to the run folder
  std::uint64_t bytes = 0;
};

class CheckpointSchedule {
 public:
  explicit CheckpointSchedule(CheckpointPolicy policy = {}) : m_policy(policy) {}

  std::int64_t interval() const { return m_interval; }

  // Starts from checkpoints already on disk (a resumed run); restores the interval they imply.
  void adopt(std::vector<CheckpointRecord> existing);

  // Whether a checkpoint should be written after `step`, `elapsedSeconds` into the run.
  bool due(std::int64_t step, double elapsedSeconds) const;

  // Records a checkpoint written in `writeSeconds`; returns the records to delete (their files
  // are the caller's to remove), never the first or the newest.
  std::vector<CheckpointRecord> add(CheckpointRecord record, double elapsedSeconds,
                                    double writeSeconds);

  const std::vector<CheckpointRecord>& kept() const { return m_kept; }
  std::uint64_t keptBytes() const;

 private:
  bool overBudget() const;
  std::vector<CheckpointRecord> thin();

  CheckpointPolicy m_policy;
  std::vector<CheckpointRecord> m_kept;  // ordered by step
  std::int64_t m_interval = 1;
  double m_lastWriteAt = -1.0;
  double m_writeSeconds = 0.0;  // total time spent writing
  std::int64_t m_writes = 0;
};

}  // namespace genlab::run
