#include "core/models/vae/vae_network.h"

#include <cmath>
#include <numbers>
#include <string>

#include "core/util/errors.h"

namespace genlab::vae {

namespace F = torch::nn::functional;

namespace {

constexpr int kChannels1 = 32;
constexpr int kChannels2 = 64;
// Keeps a Gaussian decoder from shrinking its variance without bound on near-binary pixels.
constexpr double kMinLogSigma = -4.0;

}  // namespace

VaeNetImpl::VaeNetImpl(const VaeConfig& config, int height, int width)
    : m_architecture(config.architecture),
      m_likelihood(config.likelihood),
      m_latent(config.latent),
      m_height(height),
      m_width(width),
      m_hidden(config.hidden) {
  const int pixels = height * width;
  const int d = config.latent;
  if (m_architecture == Architecture::kMlp) {
    m_encHidden = register_module("enc_hidden", torch::nn::Linear(pixels, m_hidden));
    m_encOut = register_module("enc_out", torch::nn::Linear(m_hidden, 2 * d));
    m_decHidden = register_module("dec_hidden", torch::nn::Linear(d, m_hidden));
    m_decOut = register_module("dec_out", torch::nn::Linear(m_hidden, pixels));
  } else {
    if (height % 4 != 0 || width % 4 != 0 || height < 4 || width < 4) {
      throw ConfigError(
          "settings.architecture: \"conv\" needs images whose height and width "
          "are multiples of 4; these are " +
          std::to_string(height) + "x" + std::to_string(width) + " (use \"mlp\")");
    }
    const int flat = kChannels2 * (height / 4) * (width / 4);
    m_conv1 = register_module(
        "conv1",
        torch::nn::Conv2d(torch::nn::Conv2dOptions(1, kChannels1, 4).stride(2).padding(1)));
    m_conv2 = register_module(
        "conv2", torch::nn::Conv2d(
                     torch::nn::Conv2dOptions(kChannels1, kChannels2, 4).stride(2).padding(1)));
    m_encOut = register_module("enc_out", torch::nn::Linear(flat, 2 * d));
    m_decHidden = register_module("dec_hidden", torch::nn::Linear(d, flat));
    m_deconv1 = register_module(
        "deconv1",
        torch::nn::ConvTranspose2d(
            torch::nn::ConvTranspose2dOptions(kChannels2, kChannels1, 4).stride(2).padding(1)));
    m_deconv2 = register_module(
        "deconv2", torch::nn::ConvTranspose2d(
                       torch::nn::ConvTranspose2dOptions(kChannels1, 1, 4).stride(2).padding(1)));
  }
  if (m_likelihood == Likelihood::kGaussian) {
    m_logSigma = register_parameter("log_sigma", torch::full({1}, std::log(0.1)));
  }
}

void VaeNetImpl::initialise(at::Generator& generator) {
  torch::NoGradGuard noGrad;
  for (auto& module : modules(/*include_self=*/false)) {
    torch::Tensor weight;
    torch::Tensor bias;
    if (auto* linear = module->as<torch::nn::Linear>()) {
      weight = linear->weight;
      bias = linear->bias;
    } else if (auto* conv = module->as<torch::nn::Conv2d>()) {
      weight = conv->weight;
      bias = conv->bias;
    } else if (auto* deconv = module->as<torch::nn::ConvTranspose2d>()) {
      weight = deconv->weight;
      bias = deconv->bias;
    } else {
      continue;
    }
    // fan_in as torch computes it: size(1) * receptive field (for a transposed convolution
    // that is its output channels, as in PyTorch).
    const double fanIn = static_cast<double>(weight.numel() / weight.size(0));
    const double bound = 1.0 / std::sqrt(fanIn);
    weight.uniform_(-bound, bound, generator);
    if (bias.defined()) bias.uniform_(-bound, bound, generator);
  }
  if (m_logSigma.defined()) m_logSigma.fill_(std::log(0.1));
}

Posterior VaeNetImpl::encode(const torch::Tensor& images) {
  torch::Tensor out;
  if (m_architecture == Architecture::kMlp) {
    out = m_encOut(torch::relu(m_encHidden(images)));
  } else {
    auto h = images.view({-1, 1, m_height, m_width});
    h = torch::relu(m_conv1(h));
    h = torch::relu(m_conv2(h));
    out = m_encOut(h.flatten(1));
  }
  auto parts = out.chunk(2, 1);
  return {parts[0], parts[1]};
}

torch::Tensor VaeNetImpl::decodeLogits(const torch::Tensor& z) {
  if (m_architecture == Architecture::kMlp) return m_decOut(torch::relu(m_decHidden(z)));
  auto h = torch::relu(m_decHidden(z)).view({-1, kChannels2, m_height / 4, m_width / 4});
  h = torch::relu(m_deconv1(h));
  return m_deconv2(h).flatten(1);
}

torch::Tensor VaeNetImpl::negativeLogLikelihood(const torch::Tensor& logits,
                                                const torch::Tensor& images) {
  if (m_likelihood == Likelihood::kBernoulli) {
    return F::binary_cross_entropy_with_logits(
               logits, images, F::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kNone))
        .sum(1);
  }
  const auto logSigma = m_logSigma.clamp_min(kMinLogSigma);
  const auto residual = (images - torch::sigmoid(logits)) * torch::exp(-logSigma);
  const double halfLog2Pi = 0.5 * std::log(2.0 * std::numbers::pi);
  return (0.5 * residual.square() + logSigma + halfLog2Pi).sum(1);
}

double VaeNetImpl::decoderLogSigma() const {
  if (!m_logSigma.defined()) return 0.0;
  return std::max(m_logSigma.item<double>(), kMinLogSigma);
}

torch::Tensor klPerDimension(const Posterior& posterior) {
  return 0.5 * (posterior.mean.square() + posterior.logVar.exp() - 1.0 - posterior.logVar);
}

torch::Tensor reparameterise(const Posterior& posterior, at::Generator& generator) {
  const auto eps = torch::randn(posterior.mean.sizes(), generator, posterior.mean.options());
  return posterior.mean + torch::exp(0.5 * posterior.logVar) * eps;
}

namespace {

// log N(z_i; mean_j, var_j) per dimension for every pair: [I, J, D].
torch::Tensor pairwiseLogDensity(const torch::Tensor& z, const torch::Tensor& mean,
                                 const torch::Tensor& logVar) {
  const double log2Pi = std::log(2.0 * std::numbers::pi);
  const auto diff = z.unsqueeze(1) - mean.unsqueeze(0);
  return -0.5 * (diff.square() * torch::exp(-logVar).unsqueeze(0) + logVar.unsqueeze(0) + log2Pi);
}

}  // namespace

KlDecomposition decomposeKl(const Posterior& posterior, const torch::Tensor& z,
                            TcEstimator estimator, int minibatch) {
  torch::NoGradGuard noGrad;
  // Double precision: the three terms are differences of numbers of similar size.
  const auto mean = posterior.mean.to(torch::kFloat64);
  const auto logVar = posterior.logVar.to(torch::kFloat64);
  const auto zz = z.to(torch::kFloat64);
  const std::int64_t n = zz.size(0);
  const double log2Pi = std::log(2.0 * std::numbers::pi);

  // log q(z_i | x_i) and log p(z_i): [N].
  const auto logQzx =
      (-0.5 * ((zz - mean).square() * torch::exp(-logVar) + logVar + log2Pi)).sum(1);
  const auto logPz = (-0.5 * (zz.square() + log2Pi)).sum(1);

  auto logQz = torch::empty({n}, zz.options());
  auto logProd = torch::empty({n}, zz.options());
  const std::int64_t block =
      estimator == TcEstimator::kMinibatchWeighted ? std::max<std::int64_t>(1, minibatch) : 256;
  for (std::int64_t start = 0; start < n; start += block) {
    const std::int64_t end = std::min(n, start + block);
    const auto zi = zz.slice(0, start, end);
    torch::Tensor pairs;
    double logNormaliser = 0.0;
    if (estimator == TcEstimator::kMinibatchWeighted) {
      // The minibatch is [start, end): each z_i is scored against its M companions.
      pairs = pairwiseLogDensity(zi, mean.slice(0, start, end), logVar.slice(0, start, end));
      logNormaliser = std::log(static_cast<double>(n) * static_cast<double>(end - start));
    } else {
      pairs = pairwiseLogDensity(zi, mean, logVar);
      logNormaliser = std::log(static_cast<double>(n));
    }
    logQz.slice(0, start, end).copy_(torch::logsumexp(pairs.sum(2), 1) - logNormaliser);
    logProd.slice(0, start, end).copy_((torch::logsumexp(pairs, 1) - logNormaliser).sum(1));
  }
  KlDecomposition out;
  out.mutualInformation = (logQzx - logQz).mean().item<double>();
  out.totalCorrelation = (logQz - logProd).mean().item<double>();
  out.dimensionWiseKl = (logProd - logPz).mean().item<double>();
  out.kl = (logQzx - logPz).mean().item<double>();
  return out;
}

}  // namespace genlab::vae
