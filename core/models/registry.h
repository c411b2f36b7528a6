#pragma once
// The models a lesson can name, and how each turns a lesson into a trainer.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/train/trainer.h"

namespace genlab::models {

// Builds the trainer for `lesson` with `seed`. Checks the dataset and settings; a problem
// throws ConfigError or DataError whose message starts with the lesson file's path; so does a
// lesson too large for the memory available (memory_estimate.h), before any data is made.
std::unique_ptr<train::Trainer> makeTrainer(const lesson::Lesson& lesson, std::uint64_t seed);

std::vector<std::string> knownModels();

}  // namespace genlab::models
