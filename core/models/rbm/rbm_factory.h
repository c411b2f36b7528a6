#pragma once
// Lesson -> RBM trainer. "dataset": any image dataset of core/data/image_datasets.h with
// "binarize" set ("threshold" or "sample"); "settings": rbm_config.h.

#include <cstdint>
#include <memory>

#include "core/lesson/lesson.h"
#include "core/train/trainer.h"

namespace genlab::rbm {

std::unique_ptr<train::Trainer> makeRbm(const lesson::Lesson& lesson, std::uint64_t seed);

}  // namespace genlab::rbm
