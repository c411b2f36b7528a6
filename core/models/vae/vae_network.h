#pragma once
// The VAE's networks and loss terms, in LibTorch. Internal to core/models/vae (and its tests):
// everything outside sees VaeTrainer and VaeSnapshot, which carry no torch types.
//
// Shapes: images enter flattened, [B, P] with P = height * width, values in [0, 1]; the conv
// net views them as [B, 1, H, W] itself. Latents are [B, D].
//
//   mlp:  P -> hidden -> (mean, log variance) of D;   D -> hidden -> P
//   conv: 1 -> 32 -> 64 channels (4x4, stride 2: H/4 x W/4), dense -> (mean, log variance);
//         D -> 64 x H/4 x W/4 -> 32 -> 1 (transposed 4x4, stride 2). Needs H, W divisible by 4.
//
// The decoder returns logits: the pixel mean is sigmoid(logits) for both likelihoods, so a
// Gaussian decoder's mean stays in [0, 1] like the data; its variance is one learned scalar.

#include <torch/torch.h>

#include "core/models/vae/vae_config.h"

namespace genlab::vae {

struct Posterior {
  torch::Tensor mean;    // [B, D]
  torch::Tensor logVar;  // [B, D]
};

class VaeNetImpl : public torch::nn::Module {
 public:
  // Throws ConfigError ("settings.architecture: ...") when conv meets a size not divisible by 4.
  VaeNetImpl(const VaeConfig& config, int height, int width);

  Posterior encode(const torch::Tensor& images);
  torch::Tensor decodeLogits(const torch::Tensor& z);  // [B, P]
  torch::Tensor decodeMean(const torch::Tensor& z) { return torch::sigmoid(decodeLogits(z)); }
  // -log p(x | z) per image, summed over pixels: [B].
  torch::Tensor negativeLogLikelihood(const torch::Tensor& logits, const torch::Tensor& images);
  // Parameters drawn from `generator` as PyTorch's defaults do (uniform +-1/sqrt(fan_in) for
  // weights and biases), so a seed fixes the start without touching torch's global generator.
  void initialise(at::Generator& generator);

  int latent() const { return m_latent; }
  Likelihood likelihood() const { return m_likelihood; }
  double decoderLogSigma() const;  // Gaussian decoder only; 0 otherwise

 private:
  Architecture m_architecture;
  Likelihood m_likelihood;
  int m_latent;
  int m_height;
  int m_width;
  int m_hidden;
  // mlp
  torch::nn::Linear m_encHidden{nullptr}, m_encOut{nullptr}, m_decHidden{nullptr},
      m_decOut{nullptr};
  // conv
  torch::nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr};
  torch::nn::ConvTranspose2d m_deconv1{nullptr}, m_deconv2{nullptr};
  torch::Tensor m_logSigma;  // Gaussian decoder: log standard deviation, one scalar
};
TORCH_MODULE(VaeNet);

// KL(N(mean, exp(logVar)) || N(0, I)) per image and dimension: [B, D].
torch::Tensor klPerDimension(const Posterior& posterior);

// z = mean + exp(logVar / 2) * eps, eps ~ N(0, I) from `generator`.
torch::Tensor reparameterise(const Posterior& posterior, at::Generator& generator);

// The beta-TCVAE decomposition of the KL term (Chen et al. 2018, eq. 2):
//   E_x KL(q(z|x) || p(z)) = I(x; z) + KL(q(z) || prod_d q(z_d)) + sum_d KL(q(z_d) || p(z_d))
//                          = index-code MI + total correlation + dimension-wise KL,
// estimated from one sample z_i ~ q(z|x_i) per image of a set of N images, with q(z) the
// mixture of the N posteriors. Minibatch-weighted sampling (Chen et al.'s estimator, as in
// their code) scores each z_i against the M posteriors of its minibatch with weight 1/(N M);
// the full-subset estimator scores it against all N with weight 1/N (exact for the subset,
// O(N^2 D)). The three terms always add up to `kl`, the same samples' estimate of the KL.
struct KlDecomposition {
  double mutualInformation = 0.0;
  double totalCorrelation = 0.0;
  double dimensionWiseKl = 0.0;
  double kl = 0.0;
};
KlDecomposition decomposeKl(const Posterior& posterior, const torch::Tensor& z,
                            TcEstimator estimator, int minibatch);

}  // namespace genlab::vae
