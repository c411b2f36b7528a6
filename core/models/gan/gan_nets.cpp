#include "core/models/gan/gan_nets.h"

#include <cmath>
#include <string>

#include "core/nn/fused_adam.h"
#include "core/util/errors.h"

namespace genlab::gan {

namespace nn = torch::nn;

nn::Sequential makeToyGenerator(int noiseDim, int width, int depth) {
  nn::Sequential net;
  int in = noiseDim;
  for (int i = 0; i < depth; ++i) {
    net->push_back(nn::Linear(in, width));
    net->push_back(nn::ReLU());
    in = width;
  }
  net->push_back(nn::Linear(in, 2));
  return net;
}

nn::Sequential makeToyDiscriminator(int width, int depth) {
  nn::Sequential net;
  int in = 2;
  for (int i = 0; i < depth; ++i) {
    net->push_back(nn::Linear(in, width));
    net->push_back(nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2)));
    in = width;
  }
  net->push_back(nn::Linear(in, 1));
  return net;
}

nn::Sequential makeImageGenerator(ImageArchitecture architecture, int noiseDim) {
  nn::Sequential net;
  const auto leaky = [] { return nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2)); };
  if (architecture == ImageArchitecture::Mlp) {
    net->push_back(nn::Linear(noiseDim, 256));
    net->push_back(leaky());
    net->push_back(nn::Linear(256, 512));
    net->push_back(leaky());
    net->push_back(nn::Linear(512, 784));
    net->push_back(nn::Tanh());
    net->push_back(nn::Unflatten(nn::UnflattenOptions(1, {1, 28, 28})));
    return net;
  }
  const auto up = [](int in, int out, int k, int s, int p) {
    return nn::ConvTranspose2d(
        nn::ConvTranspose2dOptions(in, out, k).stride(s).padding(p).bias(false));
  };
  net->push_back(nn::Unflatten(nn::UnflattenOptions(1, {noiseDim, 1, 1})));
  net->push_back(up(noiseDim, 256, 4, 1, 0));  // 4x4
  net->push_back(nn::BatchNorm2d(256));
  net->push_back(nn::ReLU());
  net->push_back(up(256, 128, 3, 2, 1));  // 7x7
  net->push_back(nn::BatchNorm2d(128));
  net->push_back(nn::ReLU());
  net->push_back(up(128, 64, 4, 2, 1));  // 14x14
  net->push_back(nn::BatchNorm2d(64));
  net->push_back(nn::ReLU());
  net->push_back(up(64, 1, 4, 2, 1));  // 28x28
  net->push_back(nn::Tanh());
  return net;
}

nn::Sequential makeImageDiscriminator(ImageArchitecture architecture) {
  nn::Sequential net;
  const auto leaky = [] { return nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2)); };
  if (architecture == ImageArchitecture::Mlp) {
    net->push_back(nn::Flatten());
    net->push_back(nn::Linear(784, 512));
    net->push_back(leaky());
    net->push_back(nn::Linear(512, 256));
    net->push_back(leaky());
    net->push_back(nn::Linear(256, 1));
    return net;
  }
  const auto down = [](int in, int out, int k, int s, int p) {
    return nn::Conv2d(nn::Conv2dOptions(in, out, k).stride(s).padding(p).bias(false));
  };
  net->push_back(down(1, 64, 4, 2, 1));  // 14x14
  net->push_back(leaky());
  net->push_back(down(64, 128, 4, 2, 1));  // 7x7
  net->push_back(nn::BatchNorm2d(128));
  net->push_back(leaky());
  net->push_back(down(128, 256, 4, 2, 1));  // 3x3
  net->push_back(nn::BatchNorm2d(256));
  net->push_back(leaky());
  net->push_back(down(256, 1, 3, 1, 0));  // 1x1: the logit (the sigmoid lives in the loss)
  net->push_back(nn::Flatten());
  return net;
}

void initialiseFrom(nn::Module& module, at::Generator& generator) {
  torch::NoGradGuard noGrad;
  const auto uniform = [&](torch::Tensor& t, double fanIn) {
    if (!t.defined()) return;
    const double bound = 1.0 / std::sqrt(std::max(1.0, fanIn));
    t.uniform_(-bound, bound, generator);
  };
  for (const auto& child : module.modules(/*include_self=*/true)) {
    if (auto* linear = child->as<nn::Linear>()) {
      const double fanIn = static_cast<double>(linear->weight.size(1));
      uniform(linear->weight, fanIn);
      uniform(linear->bias, fanIn);
    } else if (auto* conv = child->as<nn::Conv2d>()) {
      const double fanIn = static_cast<double>(conv->weight.numel() / conv->weight.size(0));
      uniform(conv->weight, fanIn);
      uniform(conv->bias, fanIn);
    } else if (auto* convT = child->as<nn::ConvTranspose2d>()) {
      // Weight [in, out, kh, kw]; PyTorch's fan_in for it is out * kh * kw.
      const double fanIn = static_cast<double>(convT->weight.numel() / convT->weight.size(0));
      uniform(convT->weight, fanIn);
      uniform(convT->bias, fanIn);
    } else if (auto* norm = child->as<nn::BatchNorm2d>()) {
      norm->weight.fill_(1.0);
      norm->bias.zero_();
      norm->running_mean.zero_();
      norm->running_var.fill_(1.0);
    }
  }
}

torch::Tensor discriminatorLoss(GanLoss loss, const torch::Tensor& realOut,
                                const torch::Tensor& fakeOut) {
  namespace F = torch::nn::functional;
  switch (loss) {
    case GanLoss::Minimax:
    case GanLoss::NonSaturating:
      // -log sigmoid(r) - log(1 - sigmoid(f)) = softplus(-r) + softplus(f), stable for any logit.
      return F::softplus(-realOut).mean() + F::softplus(fakeOut).mean();
    case GanLoss::LeastSquares:
      return 0.5 * ((realOut - 1.0).pow(2).mean() + fakeOut.pow(2).mean());
    case GanLoss::WganGp:
      return fakeOut.mean() - realOut.mean();
  }
  return {};
}

torch::Tensor generatorLoss(GanLoss loss, const torch::Tensor& fakeOut) {
  namespace F = torch::nn::functional;
  switch (loss) {
    case GanLoss::Minimax:
      return -F::softplus(fakeOut).mean();  // log(1 - sigmoid(f)) = -softplus(f)
    case GanLoss::NonSaturating:
      return F::softplus(-fakeOut).mean();  // -log sigmoid(f)
    case GanLoss::LeastSquares:
      return 0.5 * (fakeOut - 1.0).pow(2).mean();
    case GanLoss::WganGp:
      return -fakeOut.mean();
  }
  return {};
}

torch::Tensor gradientPenalty(nn::Sequential& critic, const torch::Tensor& real,
                              const torch::Tensor& fake, at::Generator& generator) {
  std::vector<int64_t> shape(static_cast<std::size_t>(real.dim()), 1);
  shape[0] = real.size(0);
  const torch::Tensor e = torch::rand(shape, generator, real.options());
  torch::Tensor mixed = (e * real + (1.0 - e) * fake).detach().requires_grad_(true);
  const torch::Tensor out = critic->forward(mixed);
  const torch::Tensor grad = torch::autograd::grad({out.sum()}, {mixed}, {},
                                                   /*retain_graph=*/true,
                                                   /*create_graph=*/true)[0];
  return (grad.flatten(1).norm(2, 1) - 1.0).pow(2).mean();
}

torch::Tensor displayedOutput(GanLoss loss, const torch::Tensor& rawOut) {
  if (loss == GanLoss::Minimax || loss == GanLoss::NonSaturating) return torch::sigmoid(rawOut);
  return rawOut;
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const GanSettings& s,
                                                       std::vector<torch::Tensor> parameters,
                                                       double lr) {
  namespace optim = torch::optim;
  switch (s.optimizer) {
    case GanOptimizer::Adam:
      return std::make_unique<genlab::nn::FusedAdam>(
          std::move(parameters), optim::AdamOptions(lr).betas({s.beta1, s.beta2}));
    case GanOptimizer::RmsProp:
      return std::make_unique<optim::RMSprop>(std::move(parameters),
                                              optim::RMSpropOptions(lr).alpha(s.beta2));
    case GanOptimizer::Sgd:
      return std::make_unique<optim::SGD>(std::move(parameters),
                                          optim::SGDOptions(lr).momentum(s.beta1));
  }
  return nullptr;
}

void setRequiresGrad(nn::Module& module, bool on) {
  for (auto& p : module.parameters()) p.requires_grad_(on);
}

}  // namespace genlab::gan
