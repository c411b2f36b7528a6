#pragma once
// Adam with one pass over memory per parameter tensor. LibTorch 1.13's Adam::step runs seven
// tensor operations per parameter (two for each running average, three to form the
// denominator, one update), each a full pass over the tensor plus a temporary for the
// denominator; the update here reads the parameter, its gradient and both averages once and
// writes the three back. Same algorithm, same options, same state objects (AdamParamState), so
// checkpoints written through Optimizer::save load into either class and the trajectory
// matches torch::optim::Adam to float rounding (tests/unit/nn/fused_adam_test.cpp).

#include <torch/torch.h>

#include <vector>

namespace genlab::nn {

class FusedAdam : public torch::optim::Adam {
 public:
  using torch::optim::Adam::Adam;

  // Falls back to Adam::step for whatever the fused loop does not cover (amsgrad, sparse,
  // non-float or non-contiguous tensors).
  torch::Tensor step(LossClosure closure = nullptr) override;
};

// Drops the gradients of every parameter the optimizer holds instead of zeroing them (what
// Optimizer::zero_grad does in 1.13): the next backward pass then writes each gradient into a
// fresh tensor rather than adding it to a tensor of zeros, one pass less per parameter.
// A parameter the loss does not reach then has no gradient, and Adam leaves it and its
// averages alone where after zero_grad it would decay them and still move it; every parameter
// of genlab's networks takes part in its loss, so here the two agree.
void clearGradients(torch::optim::Optimizer& optimizer);

}  // namespace genlab::nn
