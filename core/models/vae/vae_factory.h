#pragma once
// Builds the VAE trainer for a lesson (registered in core/models/registry.cpp as "vae").
//
// "dataset": an image dataset of core/data/image_datasets.h ("fashion_mnist", "idx",
// "shapes"); "settings": core/models/vae/vae_config.h. The data is drawn from its own stream
// of the seed, like the other models'. The trainer uses the intra-op thread count of
// core/platform/threading.h.

#include <cstdint>
#include <memory>

#include "core/lesson/lesson.h"
#include "core/train/trainer.h"

namespace genlab::vae {

std::unique_ptr<train::Trainer> makeVae(const lesson::Lesson& lesson, std::uint64_t seed);

}  // namespace genlab::vae
