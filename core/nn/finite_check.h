#pragma once
// The LibTorch side of core/util/non_finite.h: checks a network's gradients before the
// optimiser applies them, so a NaN or infinite gradient never reaches the parameters.

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace genlab::nn {

// Throws NonFiniteError naming "<network> gradient (layer <name>)" when any gradient of
// `module`'s parameters is NaN or infinite (or the testing hook names "<network> gradient" at
// `step`). One fused reduction and one synchronisation per call: the largest absolute value of
// every gradient, which is NaN or infinite exactly when some entry is. Only on failure are the
// layers searched one by one, to name the first bad one.
void checkFiniteGradients(const torch::nn::Module& module, const std::string& network,
                          std::int64_t step);

}  // namespace genlab::nn
