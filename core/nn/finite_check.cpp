#include "core/nn/finite_check.h"

#include <limits>
#include <vector>

#include "core/util/non_finite.h"

namespace genlab::nn {

void checkFiniteGradients(const torch::nn::Module& module, const std::string& network,
                          std::int64_t step) {
  const std::string quantity = network + " gradient";
  std::vector<torch::Tensor> largest;
  for (const auto& p : module.parameters()) {
    if (p.grad().defined() && p.grad().numel() > 0) largest.push_back(p.grad().abs().amax());
  }
  if (largest.empty()) return;
  // amax propagates NaN, so the maximum is finite exactly when every gradient entry is.
  const double top = torch::stack(largest).amax().item<double>();
  if (std::isfinite(top) && !injectedFailure(quantity, step)) return;
  for (const auto& named : module.named_parameters()) {
    const torch::Tensor& grad = named.value().grad();
    if (!grad.defined() || grad.isfinite().all().item<bool>()) continue;
    const double bad = grad.isnan().any().item<bool>() ? std::numeric_limits<double>::quiet_NaN()
                                                       : std::numeric_limits<double>::infinity();
    throw NonFiniteError(quantity + " (layer " + named.key() + ")", step, bad,
                         std::string(kStepNotApplied));
  }
  throw NonFiniteError(quantity, step, std::numeric_limits<double>::quiet_NaN(),
                       std::string(kStepNotApplied));
}

}  // namespace genlab::nn
