// FusedAdam against LibTorch's own Adam: the same trajectory to float rounding from the same
// start, checkpoints that move between the two, and the fallback path. A wrong bias correction,
// beta, sign or epsilon moves parameters by about lr per step, far beyond the tolerance here.

#include "core/nn/fused_adam.h"

#include <gtest/gtest.h>

#include <sstream>

namespace {

using genlab::nn::FusedAdam;

// A small MLP whose first layer (300 x 200 = 60000 weights) is larger than the fused loop's
// grain, so both its threaded and its single-task paths run.
torch::nn::Sequential makeNet() {
  torch::manual_seed(7);
  return torch::nn::Sequential(torch::nn::Linear(200, 300), torch::nn::Tanh(),
                               torch::nn::Linear(300, 3));
}

void copyParameters(const torch::nn::Module& from, torch::nn::Module& to) {
  torch::NoGradGuard noGrad;
  const auto source = from.parameters();
  auto target = to.parameters();
  for (std::size_t i = 0; i < source.size(); ++i) target[i].copy_(source[i]);
}

// `steps` steps of regression on fixed random data; returns the parameters, flattened.
torch::Tensor train(torch::nn::Sequential& net, torch::optim::Optimizer& optimizer, int steps,
                    bool clear) {
  torch::manual_seed(11);
  const torch::Tensor x = torch::randn({64, 200});
  const torch::Tensor y = torch::randn({64, 3});
  for (int s = 0; s < steps; ++s) {
    if (clear) {
      genlab::nn::clearGradients(optimizer);
    } else {
      optimizer.zero_grad();
    }
    torch::mse_loss(net->forward(x), y).backward();
    optimizer.step();
  }
  std::vector<torch::Tensor> flat;
  for (const auto& p : net->parameters()) flat.push_back(p.detach().flatten());
  return torch::cat(flat);
}

double relativeDifference(const torch::Tensor& a, const torch::Tensor& b) {
  return (a - b).abs().max().item<double>() / b.abs().max().item<double>();
}

TEST(FusedAdamTest, FollowsTorchAdamToFloatRounding) {
  for (const double weightDecay : {0.0, 0.01}) {
    auto reference = makeNet();
    auto fused = makeNet();
    copyParameters(*reference, *fused);
    const auto options =
        torch::optim::AdamOptions(1e-3).betas({0.5, 0.999}).weight_decay(weightDecay);
    torch::optim::Adam adam(reference->parameters(), options);
    FusedAdam fusedAdam(fused->parameters(), options);
    const torch::Tensor start = train(reference, adam, 0, false);
    const torch::Tensor expected = train(reference, adam, 40, false);
    const torch::Tensor got = train(fused, fusedAdam, 40, true);
    // Training moved the parameters by far more than the tolerance...
    ASSERT_GT(relativeDifference(expected, start), 1e-2);
    // ...and the two optimisers agree to a few float roundings per step.
    EXPECT_LT(relativeDifference(got, expected), 2e-5) << "weight decay " << weightDecay;
  }
}

TEST(FusedAdamTest, CheckpointsMoveBetweenFusedAndTorchAdam) {
  auto reference = makeNet();
  auto fused = makeNet();
  copyParameters(*reference, *fused);
  torch::optim::Adam adam(reference->parameters(), torch::optim::AdamOptions(2e-3));
  FusedAdam fusedAdam(fused->parameters(), torch::optim::AdamOptions(2e-3));
  train(reference, adam, 10, false);
  train(fused, fusedAdam, 10, true);

  // Torch's state continues in a fused optimiser, and the fused state in torch's.
  auto fromTorch = makeNet();
  auto fromFused = makeNet();
  copyParameters(*reference, *fromTorch);
  copyParameters(*fused, *fromFused);
  FusedAdam resumedFused(fromTorch->parameters(), torch::optim::AdamOptions(2e-3));
  torch::optim::Adam resumedTorch(fromFused->parameters(), torch::optim::AdamOptions(2e-3));
  const auto roundTrip = [](const torch::optim::Optimizer& from, torch::optim::Optimizer& to) {
    torch::serialize::OutputArchive out;
    from.save(out);
    std::ostringstream bytes;
    out.save_to(bytes);
    torch::serialize::InputArchive in;
    std::istringstream reread(bytes.str());
    in.load_from(reread);
    to.load(in);
  };
  roundTrip(adam, resumedFused);
  roundTrip(fusedAdam, resumedTorch);
  const torch::Tensor expected = train(reference, adam, 10, false);
  EXPECT_LT(relativeDifference(train(fromTorch, resumedFused, 10, true), expected), 2e-5);
  EXPECT_LT(relativeDifference(train(fromFused, resumedTorch, 10, false), expected), 2e-5);
  // A fresh optimiser (no running averages, bias correction from step 1) would differ: the
  // loaded state mattered.
  auto restarted = makeNet();
  copyParameters(*fromTorch, *restarted);
  FusedAdam fresh(restarted->parameters(), torch::optim::AdamOptions(2e-3));
  EXPECT_GT(relativeDifference(train(restarted, fresh, 10, true), expected), 1e-4);
}

TEST(FusedAdamTest, AmsgradFallsBackToTorchAdamExactly) {
  auto reference = makeNet();
  auto fused = makeNet();
  copyParameters(*reference, *fused);
  const auto options = torch::optim::AdamOptions(1e-3).amsgrad(true);
  torch::optim::Adam adam(reference->parameters(), options);
  FusedAdam fusedAdam(fused->parameters(), options);
  const torch::Tensor expected = train(reference, adam, 15, false);
  EXPECT_TRUE(torch::equal(train(fused, fusedAdam, 15, false), expected));
}

TEST(FusedAdamTest, ClearGradientsLeavesNoGradient) {
  auto net = makeNet();
  FusedAdam adam(net->parameters(), torch::optim::AdamOptions(1e-3));
  net->forward(torch::randn({4, 200})).sum().backward();
  for (const auto& p : net->parameters()) ASSERT_TRUE(p.grad().defined());
  genlab::nn::clearGradients(adam);
  for (const auto& p : net->parameters()) EXPECT_FALSE(p.grad().defined());
  // A step with no gradients changes nothing.
  const torch::Tensor before = net->parameters()[0].detach().clone();
  adam.step();
  EXPECT_TRUE(torch::equal(net->parameters()[0], before));
}

}  // namespace
