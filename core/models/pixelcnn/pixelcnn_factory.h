#pragma once
// Lesson -> PixelCNN trainer (model "pixelcnn"). The lesson's dataset is any image dataset
// (core/data/image_datasets.h) with binary pixels: "binarize": "threshold" or "sample" for the
// digits and Fashion-MNIST; its settings are pixelcnn_config.h's.

#include <cstdint>
#include <memory>

#include "core/lesson/lesson.h"
#include "core/train/trainer.h"

namespace genlab::pixelcnn {

std::unique_ptr<train::Trainer> makePixelCnn(const lesson::Lesson& lesson, std::uint64_t seed);

}  // namespace genlab::pixelcnn
