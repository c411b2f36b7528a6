#include "core/nn/fused_adam.h"

#include <ATen/Parallel.h>
#include <c10/util/string_utils.h>

#include <cmath>
#include <cstdint>

#include "core/platform/target_clones.h"

namespace genlab::nn {
namespace {

struct AdamCoefficients {
  float beta1, beta2;         // decay of the running averages
  float gradWeight1;          // 1 - beta1
  float gradWeight2;          // 1 - beta2
  float sqrtBiasCorrection2;  // sqrt(1 - beta2^t)
  float eps;
  float negativeStepSize;  // -lr / (1 - beta1^t)
  float weightDecay;
};

// One element at a time, in the order torch::optim::Adam applies its tensor operations:
//   m = beta1 m + (1 - beta1) g;  v = beta2 v + (1 - beta2) g^2;
//   p = p - step * m / (sqrt(v) / sqrt(bc2) + eps).
// Compiled twice (AVX2 + FMA, and the baseline), picked once at load time by the CPU.
GENLAB_TARGET_CLONES("arch=x86-64-v3", "default")
void adamUpdate(float* __restrict param, const float* __restrict grad, float* __restrict expAvg,
                float* __restrict expAvgSq, std::int64_t begin, std::int64_t end,
                const AdamCoefficients& c) {
  const AdamCoefficients k = c;  // by value: the loop must not reload through a reference
  for (std::int64_t i = begin; i < end; ++i) {
    float g = grad[i];
    if (k.weightDecay != 0.0f) g += k.weightDecay * param[i];
    const float m = expAvg[i] * k.beta1 + k.gradWeight1 * g;
    const float v = expAvgSq[i] * k.beta2 + k.gradWeight2 * g * g;
    expAvg[i] = m;
    expAvgSq[i] = v;
    param[i] += k.negativeStepSize * (m / (std::sqrt(v) / k.sqrtBiasCorrection2 + k.eps));
  }
}

bool fusable(const torch::Tensor& p, const torch::optim::AdamOptions& options) {
  const torch::Tensor& g = p.grad();
  return !options.amsgrad() && p.scalar_type() == torch::kFloat32 && p.is_contiguous() &&
         p.device().is_cpu() && !g.is_sparse() && g.scalar_type() == torch::kFloat32 &&
         g.is_contiguous() && g.sizes() == p.sizes();
}

// Elements per task: below this a tensor is updated on the calling thread, where waking the
// team would cost more than the loop (a 128 x 128 layer takes a few microseconds).
constexpr std::int64_t kGrain = 1 << 15;

}  // namespace

torch::Tensor FusedAdam::step(LossClosure closure) {
  for (auto& group : param_groups_) {
    const auto& options = static_cast<const torch::optim::AdamOptions&>(group.options());
    for (const auto& p : group.params()) {
      if (p.grad().defined() && !fusable(p, options)) return torch::optim::Adam::step(closure);
    }
  }
  torch::NoGradGuard noGrad;
  torch::Tensor loss;
  if (closure != nullptr) {
    at::AutoGradMode enableGrad(true);
    loss = closure();
  }
  for (auto& group : param_groups_) {
    const auto& options = static_cast<const torch::optim::AdamOptions&>(group.options());
    for (auto& p : group.params()) {
      if (!p.grad().defined()) continue;
      // The state's key and contents are Adam::step's, so save() and load() see no difference.
      auto& slot = state_[c10::guts::to_string(p.unsafeGetTensorImpl())];
      if (!slot) {
        auto fresh = std::make_unique<torch::optim::AdamParamState>();
        fresh->step(0);
        fresh->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        fresh->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        slot = std::move(fresh);
      }
      auto& state = static_cast<torch::optim::AdamParamState&>(*slot);
      // Averages read from a checkpoint may come in another layout or type: make them ours.
      for (auto* average : {&state.exp_avg(), &state.exp_avg_sq()}) {
        if (!average->is_contiguous() || average->scalar_type() != torch::kFloat32) {
          *average = average->to(torch::kFloat32).contiguous();
        }
      }
      state.step(state.step() + 1);
      const auto [beta1, beta2] = options.betas();
      const double biasCorrection1 = 1.0 - std::pow(beta1, static_cast<double>(state.step()));
      const double biasCorrection2 = 1.0 - std::pow(beta2, static_cast<double>(state.step()));
      const AdamCoefficients c{static_cast<float>(beta1),
                               static_cast<float>(beta2),
                               static_cast<float>(1.0 - beta1),
                               static_cast<float>(1.0 - beta2),
                               static_cast<float>(std::sqrt(biasCorrection2)),
                               static_cast<float>(options.eps()),
                               static_cast<float>(-options.lr() / biasCorrection1),
                               static_cast<float>(options.weight_decay())};
      float* param = p.data_ptr<float>();
      const float* grad = p.grad().data_ptr<float>();
      float* expAvg = state.exp_avg().data_ptr<float>();
      float* expAvgSq = state.exp_avg_sq().data_ptr<float>();
      at::parallel_for(0, p.numel(), kGrain, [&](std::int64_t begin, std::int64_t end) {
        adamUpdate(param, grad, expAvg, expAvgSq, begin, end, c);
      });
    }
  }
  return loss;
}

void clearGradients(torch::optim::Optimizer& optimizer) {
  for (auto& group : optimizer.param_groups()) {
    for (auto& p : group.params()) p.mutable_grad().reset();
  }
}

}  // namespace genlab::nn
