#pragma once
// The LibTorch side of core/util/non_finite.h: checks a network's gradients before the
// optimiser applies them, so a NaN or infinite gradient never reaches the parameters.

#include <torch/torch.h>

#include <cstdint>
#include <optional>
#include <string>

namespace genlab::nn {

// Throws NonFiniteError naming "<network> gradient (layer <name>)" when any gradient of
// `module`'s parameters is NaN or infinite (or the testing hook names "<network> gradient" at
// `step`). One fused reduction and one synchronisation per call: the largest absolute value of
// every gradient, which is NaN or infinite exactly when some entry is. Only on failure are the
// layers searched one by one, to name the first bad one.
void checkFiniteGradients(const torch::nn::Module& module, const std::string& network,
                          std::int64_t step);

// Throws NonFiniteError naming "<network> parameter update (layer <name>)" when the update that
// `optimizer` is about to apply could carry a finite parameter past the largest float, so that a
// parameter never overflows to infinity after finite losses and gradients (which would lose the
// last good state: the bad value would only be seen at the next step). Call it after
// checkFiniteGradients and before optimizer.step().
//
// The check is a proof, not a sample: with a bound B on any element's change (updateBound),
// max |p| + B < FLT_MAX means no element can overflow. Costs one reduction over the parameters
// (and, for momentum SGD and RMSprop, over their momentum buffers). Optimizers it cannot bound
// (centred RMSprop, other classes) are not checked.
// `module` names the layers in the message.
void checkUpdateStaysFinite(const torch::optim::Optimizer& optimizer,
                            const torch::nn::Module& module, const std::string& network,
                            std::int64_t step);

// The bound itself: the largest change one step of `optimizer` can make to any element of a
// parameter tensor of group `group`, given that tensor's largest absolute gradient, parameter and
// momentum buffer entries (0 when the optimizer keeps none) and, for Adam, the number of the step
// about to be taken (1 for the first). nullopt when the optimizer cannot be bounded; infinity when
// the step would overflow the optimizer's own state (a squared gradient past the largest float
// in Adam's or RMSprop's second moment, a momentum buffer past it).
//   Adam:     lr * |m_hat| / (sqrt(v_hat) + eps), and by Cauchy-Schwarz over the two moving
//             averages |m_t| / sqrt(v_t) <= (1 - b1) / sqrt(1 - b2) * sqrt(sum_{j<t} (b1^2/b2)^j)
//             (b1^2 < b2), times the bias corrections; independent of the gradients' size.
//   RMSprop:  v >= (1 - alpha) g^2, so |g| / sqrt(v) <= 1 / sqrt(1 - alpha); with momentum mu
//             the buffer adds mu * max|buf|.
//   SGD:      lr * (mu * max|buf| + (1 - dampening) * g'), g' = max|g| + weight_decay * max|p|,
//             times (1 + mu) for Nesterov.
std::optional<double> updateBound(const torch::optim::Optimizer& optimizer, std::size_t group,
                                  double largestGradient, double largestParameter,
                                  double largestBuffer, std::int64_t adamStep);

}  // namespace genlab::nn
