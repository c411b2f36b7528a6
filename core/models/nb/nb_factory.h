#pragma once
// Builds the Naive Bayes trainer for a lesson (registered in core/models/registry.cpp as "nb").
//
// "dataset" is either
//   - an image dataset of core/data/image_datasets.h ("digits", "fashion_mnist", "idx",
//     "shapes"; labels required, "binarize" names how pixels become 0/1), its train and test
//     splits as they come; or
//   - a labelled point dataset of core/data/point_dataset.h ("blobs", "anisotropic", "moons",
//     "rings") plus "test": N points held out (default a quarter), drawn at random from the
//     generated points with the dataset's Rng.
// "settings": core/models/nb/nb_settings.h. The data is drawn from its own stream of the seed,
// like the other models'.

#include <cstdint>
#include <memory>

#include "core/lesson/lesson.h"
#include "core/train/trainer.h"

namespace genlab::nb {

// Whether a lesson's "dataset" is one of images (the kinds above) rather than points.
bool isImageDataset(const nlohmann::json& spec);

std::unique_ptr<train::Trainer> makeNb(const lesson::Lesson& lesson, std::uint64_t seed);

}  // namespace genlab::nb
