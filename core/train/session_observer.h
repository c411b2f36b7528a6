#pragma once
// What a session tells an observer about its trainer's life, so a run can be recorded without
// the session knowing about files (core/run/run_recorder.h records to a run folder).
//
// Threading: every call comes from the session's own thread (or, for the command line, the one
// thread that drives the trainer), between steps, with the trainer in a consistent state. An
// observer may take as long as it needs (writing a checkpoint), but that time is the trainer's.
// An exception from an observer is reported to the person and the session drops the observer:
// training goes on, unrecorded, rather than stopping.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "core/train/training_failure.h"

namespace genlab::train {

class Trainer;

class SessionObserver {
 public:
  virtual ~SessionObserver() = default;
  // A trainer starts: the session's first, or a new one after a reset.
  virtual void trainerStarted(const Trainer& trainer, std::uint64_t seed) = 0;
  // A step completed; `metrics` in the order of trainer.metricNames().
  virtual void stepped(const Trainer& trainer, std::span<const double> metrics) = 0;
  // A setting was changed by hand and accepted.
  virtual void settingChanged(const Trainer& trainer, const std::string& key,
                              const nlohmann::json& value) = 0;
  // A step failed (NaN, Inf, a numeric error); the trainer holds its last good state.
  virtual void stepFailed(const Trainer& trainer, const TrainingFailure& failure) = 0;
  // The trainer goes away: replaced by a reset, or the session ends.
  virtual void trainerEnding(const Trainer& trainer) = 0;
};

}  // namespace genlab::train
