// The bound on one optimizer step (core/nn/finite_check.h) against the steps LibTorch's own
// optimizers take: never exceeded over random gradients spanning twelve decades, met within 1%
// by the gradient sequence that makes Adam's Cauchy-Schwarz inequality an equality, and a step
// that would overflow a finite parameter refused before it is applied.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "core/nn/finite_check.h"
#include "core/nn/fused_adam.h"
#include "core/util/non_finite.h"

namespace {

using genlab::nn::checkUpdateStaysFinite;
using genlab::nn::updateBound;

// One parameter tensor of `n` elements whose gradients the tests write by hand.
struct Holder : torch::nn::Module {
  explicit Holder(int n, float value = 0.5F) {
    weight = register_parameter("weight", torch::full({n}, value));
  }
  torch::Tensor weight;
};

double maxAbs(const torch::Tensor& t) {
  return t.abs().max().item<double>();
}

// Steps `optimizer` with the gradients `gradient(step)` gives and checks every step's largest
// change against updateBound, computed from the state before the step. Returns the largest
// ratio change / bound seen.
template <typename GradientAt>
double worstRatio(torch::optim::Optimizer& optimizer, Holder& holder, int steps,
                  GradientAt gradient, bool adam,
                  torch::Tensor (*buffer)(torch::optim::Optimizer&, const torch::Tensor&)) {
  double worst = 0;
  for (int s = 1; s <= steps; ++s) {
    holder.weight.mutable_grad() = gradient(s);
    const torch::Tensor before = holder.weight.detach().clone();
    const torch::Tensor momentum = buffer(optimizer, holder.weight);
    const auto bound = updateBound(optimizer, 0, maxAbs(holder.weight.grad()), maxAbs(before),
                                   momentum.defined() ? maxAbs(momentum) : 0.0, adam ? s : 1);
    EXPECT_TRUE(bound.has_value());
    optimizer.step();
    const double change = maxAbs(holder.weight.detach() - before);
    // 1e-3: a change of 1e-3 read off floats near 0.5 is good to about 6e-5 of itself.
    EXPECT_LE(change, *bound * (1 + 1e-3) + 1e-12) << "step " << s;
    worst = std::max(worst, change / *bound);
  }
  return worst;
}

torch::Tensor noBuffer(torch::optim::Optimizer& /*optimizer*/, const torch::Tensor& /*p*/) {
  return {};
}

template <typename State>
torch::Tensor stateBuffer(torch::optim::Optimizer& optimizer, const torch::Tensor& p) {
  const auto it = optimizer.state().find(c10::guts::to_string(p.unsafeGetTensorImpl()));
  if (it == optimizer.state().end()) return {};
  return static_cast<State&>(*it->second).momentum_buffer();
}

// Gradients whose size jumps over twelve decades from step to step, random signs.
auto wildGradients(int n, unsigned seed) {
  return [n, rng = std::mt19937(seed)](int /*step*/) mutable {
    std::uniform_real_distribution<float> exponent(-6.0F, 6.0F);
    std::bernoulli_distribution sign(0.5);
    torch::Tensor g = torch::empty({n});
    for (int i = 0; i < n; ++i) g[i] = (sign(rng) ? 1.0F : -1.0F) * std::pow(10.0F, exponent(rng));
    return g;
  };
}

TEST(UpdateBound, AdamNeverExceedsItOverWildGradients) {
  for (const auto& [beta1, beta2] : {std::pair{0.9, 0.999}, {0.5, 0.999}, {0.0, 0.99}}) {
    Holder holder(64);
    genlab::nn::FusedAdam adam({holder.weight},
                               torch::optim::AdamOptions(1e-2).betas({beta1, beta2}));
    const double worst = worstRatio(adam, holder, 300, wildGradients(64, 3), true, noBuffer);
    EXPECT_GT(worst, 0.05) << "beta1 " << beta1;  // a bound far above every step is no test
  }
}

// g_k proportional to (beta1 / beta2)^(T - k) makes Cauchy-Schwarz an equality at step T (and,
// the sequence being geometric, at every step before it): the bound is tight, so a bound wrong
// by a constant factor fails one side or the other.
TEST(UpdateBound, AdamIsTightOnTheWorstSequence) {
  const double beta1 = 0.9;
  const double beta2 = 0.999;
  const int last = 40;
  Holder holder(1);
  torch::optim::Adam adam({holder.weight}, torch::optim::AdamOptions(1e-3).betas({beta1, beta2}));
  const auto worst = [&](int step) {
    return torch::full({1}, static_cast<float>(std::pow(beta1 / beta2, last - step)));
  };
  worstRatio(adam, holder, last - 1, worst, true, noBuffer);
  holder.weight.mutable_grad() = worst(last);
  const double before = holder.weight.item<double>();
  const auto bound = updateBound(adam, 0, 1.0, std::abs(before), 0.0, last);
  adam.step();
  const double change = std::abs(holder.weight.item<double>() - before);
  EXPECT_NEAR(change / *bound, 1.0, 0.01);
}

TEST(UpdateBound, RmspropAndSgdNeverExceedIt) {
  {
    Holder holder(64);
    torch::optim::RMSprop rms({holder.weight},
                              torch::optim::RMSpropOptions(1e-2).alpha(0.9).momentum(0.5));
    worstRatio(rms, holder, 200, wildGradients(64, 5), false,
               stateBuffer<torch::optim::RMSpropParamState>);
  }
  for (const bool nesterov : {false, true}) {
    Holder holder(64);
    torch::optim::SGD sgd({holder.weight},
                          torch::optim::SGDOptions(1e-3).momentum(0.9).nesterov(nesterov));
    const double worst = worstRatio(sgd, holder, 200, wildGradients(64, 7), false,
                                    stateBuffer<torch::optim::SGDParamState>);
    EXPECT_GT(worst, 0.05);
  }
}

TEST(UpdateBound, CentredRmspropIsNotBounded) {
  Holder holder(4);
  torch::optim::RMSprop rms({holder.weight}, torch::optim::RMSpropOptions(1e-2).centered(true));
  EXPECT_FALSE(updateBound(rms, 0, 1.0, 1.0, 0.0, 1).has_value());
}

// Finite parameters and gradients whose SGD step overflows: refused, with the layer named, and
// the parameters left as they were. The same step taken anyway gives infinity (what the check
// saves the run from).
TEST(CheckUpdateStaysFinite, RefusesAnSgdStepThatOverflows) {
  Holder holder(8, 3e38F);
  torch::optim::SGD sgd({holder.weight}, torch::optim::SGDOptions(1.0).momentum(0.9));
  holder.weight.mutable_grad() = torch::full({8}, -2e38F);
  try {
    checkUpdateStaysFinite(sgd, holder, "generator", 12);
    FAIL() << "the overflowing update was accepted";
  } catch (const genlab::NonFiniteError& error) {
    EXPECT_EQ(error.quantity(), "generator parameter update (layer weight)");
    EXPECT_EQ(error.step(), 12);
  }
  EXPECT_EQ(holder.weight[0].item<float>(), 3e38F);
  sgd.step();
  EXPECT_TRUE(std::isinf(holder.weight[0].item<float>()));
}

TEST(CheckUpdateStaysFinite, RefusesAnAdamGradientWhoseSquareOverflows) {
  Holder holder(8);
  genlab::nn::FusedAdam adam({holder.weight}, torch::optim::AdamOptions(1e-3));
  holder.weight.mutable_grad() = torch::full({8}, 1e20F);  // finite, but 1e40 is not a float
  EXPECT_THROW(checkUpdateStaysFinite(adam, holder, "VAE", 3), genlab::NonFiniteError);
}

TEST(CheckUpdateStaysFinite, LetsOrdinaryStepsThrough) {
  Holder holder(8);
  genlab::nn::FusedAdam adam({holder.weight}, torch::optim::AdamOptions(1.0));
  torch::optim::SGD sgd({holder.weight}, torch::optim::SGDOptions(10.0).momentum(0.9));
  holder.weight.mutable_grad() = torch::full({8}, 1e10F);
  EXPECT_NO_THROW(checkUpdateStaysFinite(adam, holder, "VAE", 1));
  EXPECT_NO_THROW(checkUpdateStaysFinite(sgd, holder, "generator", 1));
}

}  // namespace
