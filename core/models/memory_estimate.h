#pragma once
// What training a lesson will take in memory, estimated from the lesson alone (before any data
// is generated or read), so a lesson that cannot fit is refused with a message that names the
// setting to lower, instead of swapping the machine to a halt or being killed halfway.
//
// The estimate counts the data and the per-step working memory that grow with a lesson's
// settings: an HMM's forward-backward and Viterbi tables are T x K per sequence, a GMM's
// responsibilities N x K, a data file's values. The snapshots a lab keeps are bounded
// separately (train/memory_budget.h) and not counted here. The neural lessons count their
// images, parameters with their optimiser state, and one step's activations, which grow with
// settings.batch.

#include <cstdint>
#include <optional>
#include <string>

#include "core/lesson/lesson.h"

namespace genlab::models {

struct MemoryEstimate {
  std::uint64_t bytes = 0;
  std::string largest;  // the setting that scales it most, "dataset.length"; empty when none
  double largestValue = 0;
  // The part of `bytes` that does not scale with `largest` (a neural lesson's images and
  // parameters); the rest is close to linear in it.
  std::uint64_t fixedBytes = 0;
  // The largest value of `largest` that would fit in a given number of bytes, other settings
  // equal; below 1 when even the fixed part does not fit.
  double valueThatFits(std::uint64_t available) const;
};

MemoryEstimate estimateTrainingMemory(const lesson::Lesson& lesson);

// Throws ConfigError "<lesson file>: <setting> = <value> needs about X to train, but this machine
// has Y available: lower <setting> to at most Z" when the estimate exceeds `available` (by
// default what platform::availableMemoryBytes() says; nothing is checked when that is unknown).
void refuseIfTooLargeForMemory(const lesson::Lesson& lesson,
                               std::optional<std::uint64_t> available);
void refuseIfTooLargeForMemory(const lesson::Lesson& lesson);

}  // namespace genlab::models
