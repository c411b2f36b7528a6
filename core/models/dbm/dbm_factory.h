#pragma once
// Lesson -> DBM trainer. "dataset": any image dataset of core/data/image_datasets.h with
// "binarize" set ("threshold" or "sample"); "settings": dbm_config.h.

#include <cstdint>
#include <memory>

#include "core/lesson/lesson.h"
#include "core/train/trainer.h"

namespace genlab::dbm {

std::unique_ptr<train::Trainer> makeDbm(const lesson::Lesson& lesson, std::uint64_t seed);

}  // namespace genlab::dbm
