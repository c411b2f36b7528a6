#pragma once
// Lesson -> char-RNN trainer: "dataset" in the format of char_corpus.h, "settings" in that of
// charrnn_config.h.

#include <cstdint>
#include <memory>

#include "core/lesson/lesson.h"
#include "core/train/trainer.h"

namespace genlab::charrnn {

std::unique_ptr<train::Trainer> makeCharRnn(const lesson::Lesson& lesson, std::uint64_t seed);

}  // namespace genlab::charrnn
