#pragma once
// Lesson -> trainer for the two GAN models the registry knows:
//   "gan2d"      the toy 2-D GAN; "dataset" as in toy_targets.h, "settings" as in
//                gan_settings.h (toy flavour)
//   "gan_image"  the image GAN on Fashion-MNIST (or any image dataset of
//                core/data/image_datasets.h); "settings" as in gan_settings.h (image flavour)
// Both read the trainer thread count from platform::currentThreadSettings().

#include <cstdint>
#include <memory>

#include "core/lesson/lesson.h"
#include "core/train/trainer.h"

namespace genlab::gan {

std::unique_ptr<train::Trainer> makeGan2d(const lesson::Lesson& lesson, std::uint64_t seed);
std::unique_ptr<train::Trainer> makeImageGan(const lesson::Lesson& lesson, std::uint64_t seed);

}  // namespace genlab::gan
