#pragma once
// The GAN networks, losses and optimisers (LibTorch). Internal to core/models/gan: only the
// trainers' .cpp files include this header, so the lab's UI code never parses torch headers.
//
// Every network is a torch::nn::Sequential:
//   generator      [B, noise_dim] -> [B, 2] (toy) or [B, 1, 28, 28] in [-1, 1] (image)
//   discriminator  [B, 2] or [B, 1, 28, 28] -> [B, 1], a raw output: a logit for the
//                  minimax, non-saturating and least-squares losses (D(x) = sigmoid(logit) for
//                  the first two; least squares uses the raw value), a critic value for WGAN-GP.

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "core/models/gan/gan_settings.h"

namespace genlab::gan {

// Toy 2-D networks: `depth` hidden layers of `width`; ReLU in G, LeakyReLU(0.2) in D.
torch::nn::Sequential makeToyGenerator(int noiseDim, int width, int depth);
torch::nn::Sequential makeToyDiscriminator(int width, int depth);

// Image networks for 28x28 images. DCGAN as in pytorch/examples cpp/dcgan (G: ConvTranspose
// 100->256 k4 s1 p0, 256->128 k3 s2 p1, 128->64 k4 s2 p1, 64->1 k4 s2 p1, BatchNorm + ReLU, tanh;
// D mirrored with LeakyReLU 0.2). MLP: G noise->256->512->784 (LeakyReLU 0.2, tanh), D
// 784->512->256->1 (LeakyReLU 0.2).
torch::nn::Sequential makeImageGenerator(ImageArchitecture architecture, int noiseDim);
torch::nn::Sequential makeImageDiscriminator(ImageArchitecture architecture);

// Re-draws every Linear / Conv / ConvTranspose parameter from `generator` with PyTorch's
// default rule (uniform in +-1/sqrt(fan_in)) and resets BatchNorm to (1, 0), so a seed
// determines the initial networks (the modules' own init uses torch's global generator).
void initialiseFrom(torch::nn::Module& module, at::Generator& generator);

// Mean losses over the batch (see gan_settings.h). `realOut` / `fakeOut` are D's raw outputs.
torch::Tensor discriminatorLoss(GanLoss loss, const torch::Tensor& realOut,
                                const torch::Tensor& fakeOut);
torch::Tensor generatorLoss(GanLoss loss, const torch::Tensor& fakeOut);

// WGAN-GP's penalty E[(|grad_x f(x^)| - 1)^2] at x^ = e x + (1 - e) x~, e ~ U(0, 1) per sample,
// with the graph kept so it can be differentiated with respect to the critic's parameters.
torch::Tensor gradientPenalty(torch::nn::Sequential& critic, const torch::Tensor& real,
                              const torch::Tensor& fake, at::Generator& generator);

// What D's raw output means to a person: sigmoid for minimax / non-saturating (a probability),
// the raw value for least squares and WGAN-GP.
torch::Tensor displayedOutput(GanLoss loss, const torch::Tensor& rawOut);

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const GanSettings& settings,
                                                       std::vector<torch::Tensor> parameters,
                                                       double lr);

// Sets requires_grad on every parameter of `module` (off for D during G's update, which saves
// the weight gradients nobody would use).
void setRequiresGrad(torch::nn::Module& module, bool on);

// Turns requires_grad off for a module's parameters for a scope, and back on however it ends.
class FrozenDuring {
 public:
  explicit FrozenDuring(torch::nn::Module& module) : m_module(module) {
    setRequiresGrad(m_module, false);
  }
  ~FrozenDuring() { setRequiresGrad(m_module, true); }
  FrozenDuring(const FrozenDuring&) = delete;
  FrozenDuring& operator=(const FrozenDuring&) = delete;

 private:
  torch::nn::Module& m_module;
};

// LibTorch's intra-op thread count is OpenMP state of the calling thread: a count set on the
// thread that built the trainer does not reach the session thread that trains it, which then
// runs every op on OpenMP's default team (measured in the lab: a nice +10 trainer waiting on a
// second worker managed 5 steps/s instead of 400). So every entry point that computes calls
// this; it sets the count once per thread.
class ThreadCount {
 public:
  explicit ThreadCount(int threads) : m_threads(threads) {}
  void applyHere() {
    if (m_threads <= 0 || m_appliedOn == std::this_thread::get_id()) return;
    torch::set_num_threads(m_threads);
    m_appliedOn = std::this_thread::get_id();
  }

 private:
  int m_threads;
  std::thread::id m_appliedOn;
};

}  // namespace genlab::gan
