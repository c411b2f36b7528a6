#pragma once
// Reading a trainer's saved data order back from its checkpoint, checked, for the image trainers
// (VAE, PixelCNN) that shuffle their training images by epoch. Declared apart from
// torch_checkpoint.h so that only the trainers that use it see it. Defined in torch_checkpoint.cpp.

#include <cstdint>
#include <string>
#include <vector>

namespace genlab::nn {

class CheckpointReader;

// The int64 tensor at `key` as a permutation of 0..images-1. Fails through `in` (naming the
// file) when it covers another number of images ("another lesson's data?") or repeats or leaves
// out an index.
std::vector<std::int64_t> readDataOrder(CheckpointReader& in, const std::string& key,
                                        std::int64_t images);

}  // namespace genlab::nn
