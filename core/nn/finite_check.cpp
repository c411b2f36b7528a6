#include "core/nn/finite_check.h"

#include <algorithm>
#include <cmath>
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

namespace genlab::nn {
namespace {

// Past half the largest float an element is treated as overflowing: the bounds are exact
// algebra, and the margin absorbs float rounding in the optimizers' own arithmetic.
constexpr double kLimit = 0.5 * std::numeric_limits<float>::max();

// Adam's |m_hat| / sqrt(v_hat) at step t, bounded as finite_check.h says.
double adamRatioBound(double beta1, double beta2, std::int64_t t) {
  const double steps = static_cast<double>(std::max<std::int64_t>(t, 1));
  const double r = beta1 * beta1 / beta2;
  const double sum = std::abs(r - 1.0) < 1e-12 ? steps : (std::pow(r, steps) - 1.0) / (r - 1.0);
  const double bias = std::sqrt(1.0 - std::pow(beta2, steps)) / (1.0 - std::pow(beta1, steps));
  return (1.0 - beta1) / std::sqrt(1.0 - beta2) * std::sqrt(sum) * bias;
}

// The momentum buffer of `p` in `optimizer`'s state (undefined when it has none yet).
torch::Tensor momentumBuffer(const torch::optim::Optimizer& optimizer, const torch::Tensor& p) {
  const auto& states = optimizer.state();
  const auto it = states.find(c10::guts::to_string(p.unsafeGetTensorImpl()));
  if (it == states.end() || !it->second) return {};
  if (const auto* sgd = dynamic_cast<const torch::optim::SGDParamState*>(it->second.get()))
    return sgd->momentum_buffer();
  if (const auto* rms = dynamic_cast<const torch::optim::RMSpropParamState*>(it->second.get()))
    return rms->momentum_buffer();
  return {};
}

// The number of the step Adam is about to take for `p` (its state's count plus one).
std::int64_t nextAdamStep(const torch::optim::Optimizer& optimizer, const torch::Tensor& p) {
  const auto& states = optimizer.state();
  const auto it = states.find(c10::guts::to_string(p.unsafeGetTensorImpl()));
  if (it == states.end() || !it->second) return 1;
  if (const auto* adam = dynamic_cast<const torch::optim::AdamParamState*>(it->second.get()))
    return adam->step() + 1;
  return 1;
}

}  // namespace

std::optional<double> updateBound(const torch::optim::Optimizer& optimizer, std::size_t group,
                                  double largestGradient, double largestParameter,
                                  double largestBuffer, std::int64_t adamStep) {
  const auto& options = optimizer.param_groups().at(group).options();
  const double infinity = std::numeric_limits<double>::infinity();
  if (const auto* adam = dynamic_cast<const torch::optim::AdamOptions*>(&options)) {
    const auto [beta1, beta2] = adam->betas();
    if (beta2 >= 1.0 || beta2 <= 0.0) return std::nullopt;  // v = g^2 alone bounds nothing
    const double gradient = largestGradient + adam->weight_decay() * largestParameter;
    if (gradient * gradient >= kLimit) return infinity;  // the second moment would overflow
    return adam->lr() * adamRatioBound(beta1, beta2, adamStep);
  }
  if (const auto* rms = dynamic_cast<const torch::optim::RMSpropOptions*>(&options)) {
    if (rms->centered() || rms->alpha() >= 1.0) return std::nullopt;
    const double gradient = largestGradient + rms->weight_decay() * largestParameter;
    if (gradient * gradient >= kLimit) return infinity;
    const double normalised = 1.0 / std::sqrt(1.0 - rms->alpha());
    if (rms->momentum() <= 0) return rms->lr() * normalised;
    const double buffer = rms->momentum() * largestBuffer + normalised;
    return buffer >= kLimit ? infinity : rms->lr() * buffer;
  }
  if (const auto* sgd = dynamic_cast<const torch::optim::SGDOptions*>(&options)) {
    const double gradient = largestGradient + sgd->weight_decay() * largestParameter;
    if (sgd->momentum() <= 0) return sgd->lr() * gradient;
    // The first step stores d_p itself in the buffer; later ones (1 - dampening) * d_p.
    const double buffer = sgd->momentum() * largestBuffer +
                          std::max(1.0, std::abs(1.0 - sgd->dampening())) * gradient;
    if (buffer >= kLimit) return infinity;
    return sgd->lr() * (sgd->nesterov() ? gradient + sgd->momentum() * buffer : buffer);
  }
  return std::nullopt;
}

void checkUpdateStaysFinite(const torch::optim::Optimizer& optimizer,
                            const torch::nn::Module& module, const std::string& network,
                            std::int64_t step) {
  // Every maximum in one tensor and one synchronisation: per parameter, |p|, |g| and |buffer|.
  struct Entry {
    std::size_t group;
    const torch::Tensor* param;
  };
  std::vector<Entry> entries;
  std::vector<torch::Tensor> maxima;
  const auto& groups = optimizer.param_groups();
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const auto& p : groups[g].params()) {
      if (!p.grad().defined() || p.numel() == 0) continue;
      const torch::Tensor buffer = momentumBuffer(optimizer, p);
      const torch::Tensor zero = torch::zeros({}, p.options());
      maxima.push_back(p.detach().abs().amax());
      maxima.push_back(p.grad().abs().amax());
      maxima.push_back(buffer.defined() && buffer.numel() > 0 ? buffer.abs().amax() : zero);
      entries.push_back({g, &p});
    }
  }
  if (entries.empty()) return;
  const torch::Tensor all = torch::stack(maxima).to(torch::kDouble).contiguous();
  const double* values = all.data_ptr<double>();
  const std::string quantity = network + " parameter update";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const double parameter = values[3 * i];
    const double gradient = values[3 * i + 1];
    const double buffer = values[3 * i + 2];
    const auto bound = updateBound(optimizer, entries[i].group, gradient, parameter, buffer,
                                   nextAdamStep(optimizer, *entries[i].param));
    if (!bound || parameter + 2.0 * *bound < kLimit) continue;
    // The optimizer holds tensors, the module their names.
    std::string layer = "tensor " + std::to_string(i);
    for (const auto& named : module.named_parameters())
      if (named.value().unsafeGetTensorImpl() == entries[i].param->unsafeGetTensorImpl())
        layer = named.key();
    throw NonFiniteError(
        quantity + " (layer " + layer + ")", step, std::numeric_limits<double>::infinity(),
        "an update of up to " + std::to_string(*bound) + " would carry parameters as large as " +
            std::to_string(parameter) + " past the largest float; " + std::string(kStepNotApplied));
  }
}

}  // namespace genlab::nn
