// The PixelCNN networks: causality and receptive fields checked by the gradient, the masks and
// the likelihood against a hand-written forward pass, and the fast sampler against the naive
// one-pass-per-pixel loop and against the conditionals of the finished images.

#include "core/models/pixelcnn/pixelcnn_network.h"

#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "core/models/gan/gan_nets.h"

namespace genlab::pixelcnn {
namespace {

PixelCnnNet makeNet(Architecture architecture, int layers, int channels, int kernel,
                    std::uint64_t seed, torch::ScalarType type = torch::kFloat64) {
  torch::set_num_threads(1);
  PixelCnnNet net(NetShape{architecture, layers, channels, kernel});
  at::Generator generator = at::detail::createCPUGenerator(seed);
  gan::initialiseFrom(*net, generator);
  net->to(type);
  return net;
}

torch::Tensor randomImage(int height, int width, std::uint64_t seed, bool binary,
                          torch::ScalarType type = torch::kFloat64) {
  at::Generator generator = at::detail::createCPUGenerator(seed);
  torch::Tensor x = torch::rand({1, 1, height, width}, generator).to(type);
  return binary ? (x < 0.5).to(type) : x;
}

// For every pixel: the gradient of its logit is exactly zero at and after it in raster order;
// returns, per pixel, how many earlier pixels have exactly zero gradient (blind ones).
std::vector<int> blindCounts(PixelCnnNet& net, int height, int width) {
  const torch::Tensor x = randomImage(height, width, 5, false);
  std::vector<int> blind;
  for (int i = 0; i < height; ++i) {
    for (int j = 0; j < width; ++j) {
      const torch::Tensor g = inputGradient(net, x, i, j);
      auto a = g.accessor<double, 2>();
      int zeros = 0;
      for (int k = 0; k < height; ++k) {
        for (int l = 0; l < width; ++l) {
          if (k * width + l >= i * width + j) {
            EXPECT_EQ(a[k][l], 0.0)
                << "logit (" << i << ", " << j << ") sees input (" << k << ", " << l << ")";
          } else if (a[k][l] == 0.0) {
            ++zeros;
          }
        }
      }
      blind.push_back(zeros);
    }
  }
  return blind;
}

TEST(PixelCnnCausality, PlainStackIsCausalAndHasTheBlindSpot) {
  PixelCnnNet net = makeNet(Architecture::kPlain, 7, 8, 5, 1);
  const std::vector<int> blind = blindCounts(net, 8, 8);
  // From (4, 1) a path goes up one row only once (mask A: at most 2 columns right, mask B:
  // 1), and within a row only left: (3, 4) and everything right of it is unreachable.
  const torch::Tensor g = inputGradient(net, randomImage(8, 8, 5, false), 4, 1);
  EXPECT_NE(g[3][3].item<double>(), 0.0);
  for (int l = 4; l < 8; ++l) EXPECT_EQ(g[3][l].item<double>(), 0.0) << "column " << l;
  EXPECT_GE(blind[4 * 8 + 1], 4);
  int blindPixels = 0;
  for (int b : blind) blindPixels += b > 0 ? 1 : 0;
  EXPECT_GT(blindPixels, 20);
}

TEST(PixelCnnCausality, GatedStackIsCausalWithNoBlindPixel) {
  // 7 layers of reach 2 then 1: every earlier pixel of an 8x8 image is in reach of every pixel.
  PixelCnnNet net = makeNet(Architecture::kGated, 7, 8, 5, 2);
  const std::vector<int> blind = blindCounts(net, 8, 8);
  for (std::size_t p = 0; p < blind.size(); ++p)
    EXPECT_EQ(blind[p], 0) << "pixel (" << p / 8 << ", " << p % 8 << ")";
}

TEST(PixelCnnCausality, ShallowGatedStackIsCausalOnAWideImage) {
  PixelCnnNet net = makeNet(Architecture::kGated, 2, 4, 3, 3);
  blindCounts(net, 6, 11);  // the causality expectations; a shallow net has a bounded reach
}

TEST(PixelCnnMasks, MatchTheHandWrittenMasks) {
  const std::vector<float> a5 = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
                                 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  const std::vector<float> b3 = {1, 1, 1, 1, 1, 0, 0, 0, 0};
  const torch::Tensor ma = convolutionMask(5, true).flatten();
  const torch::Tensor mb = convolutionMask(3, false).flatten();
  for (int k = 0; k < 25; ++k) EXPECT_EQ(ma[k].item<float>(), a5[static_cast<std::size_t>(k)]);
  for (int k = 0; k < 9; ++k) EXPECT_EQ(mb[k].item<float>(), b3[static_cast<std::size_t>(k)]);
}

// A plain net of two layers (3x3 mask A, 1 -> 2; 3x3 mask B, 2 -> 2) and the head, written out
// with loops and the masks typed in; the NLL is the sum of per-pixel binary cross-entropies.
TEST(PixelCnnLikelihood, EqualsHandComputedCrossEntropies) {
  PixelCnnNet net = makeNet(Architecture::kPlain, 2, 2, 3, 4);
  const int H = 5, W = 4;
  const torch::Tensor x = randomImage(H, W, 6, true);
  std::map<std::string, torch::Tensor> p;
  for (const auto& item : net->named_parameters()) p[item.key()] = item.value();
  const double maskA[3][3] = {{1, 1, 1}, {1, 0, 0}, {0, 0, 0}};
  const double maskB[3][3] = {{1, 1, 1}, {1, 1, 0}, {0, 0, 0}};
  auto w0 = p.at("plain0.conv.weight").accessor<double, 4>();
  auto b0 = p.at("plain0.conv.bias").accessor<double, 1>();
  auto w1 = p.at("plain1.conv.weight").accessor<double, 4>();
  auto b1 = p.at("plain1.conv.bias").accessor<double, 1>();
  auto wh1 = p.at("head1.weight").accessor<double, 4>();
  auto bh1 = p.at("head1.bias").accessor<double, 1>();
  auto wh2 = p.at("head2.weight").accessor<double, 4>();
  auto bh2 = p.at("head2.bias").accessor<double, 1>();
  auto xs = x.accessor<double, 4>();
  const auto pixel = [&](int i, int j) {
    return i < 0 || j < 0 || i >= H || j >= W ? 0.0 : xs[0][0][i][j];
  };
  double a0[2][H][W], a1[2][H][W];
  for (int c = 0; c < 2; ++c)
    for (int i = 0; i < H; ++i)
      for (int j = 0; j < W; ++j) {
        double s = b0[c];
        for (int r = 0; r < 3; ++r)
          for (int q = 0; q < 3; ++q)
            s += w0[c][0][r][q] * maskA[r][q] * pixel(i + r - 1, j + q - 1);
        a0[c][i][j] = s;
      }
  const auto relu0 = [&](int c, int i, int j) {
    return i < 0 || j < 0 || i >= H || j >= W ? 0.0 : std::max(0.0, a0[c][i][j]);
  };
  for (int c = 0; c < 2; ++c)
    for (int i = 0; i < H; ++i)
      for (int j = 0; j < W; ++j) {
        double s = b1[c];
        for (int d = 0; d < 2; ++d)
          for (int r = 0; r < 3; ++r)
            for (int q = 0; q < 3; ++q)
              s += w1[c][d][r][q] * maskB[r][q] * relu0(d, i + r - 1, j + q - 1);
        a1[c][i][j] = s;
      }
  double nll = 0.0;
  for (int i = 0; i < H; ++i)
    for (int j = 0; j < W; ++j) {
      double logit = bh2[0];
      for (int c = 0; c < 2; ++c) {
        double h = bh1[c];
        for (int d = 0; d < 2; ++d) h += wh1[c][d][0][0] * std::max(0.0, a1[d][i][j]);
        logit += wh2[0][c][0][0] * std::max(0.0, h);
      }
      const double prob = 1.0 / (1.0 + std::exp(-logit));
      nll -= xs[0][0][i][j] == 1.0 ? std::log(prob) : std::log(1.0 - prob);
    }
  const double got = nllPerImage(net->forward(x), x).item<double>();
  EXPECT_NEAR(got, nll, 1e-12 * nll);
  EXPECT_NEAR(bitsPerDim(got, H * W), nll / (H * W * std::log(2.0)), 1e-12);
}

// -log p(x) from one pass equals the sum of -log p(x_ij | x_<ij) with each conditional computed
// from the image's prefix alone (every pixel from (i, j) on set to 0).
TEST(PixelCnnLikelihood, OnePassEqualsConditionalsOnePixelAtATime) {
  for (Architecture a : {Architecture::kPlain, Architecture::kGated}) {
    PixelCnnNet net = makeNet(a, 4, 6, 5, 7);
    const int H = 6, W = 7;
    const torch::Tensor x = randomImage(H, W, 8, true);
    double sum = 0.0;
    for (int i = 0; i < H; ++i) {
      for (int j = 0; j < W; ++j) {
        torch::Tensor prefix = x.clone().flatten();
        prefix.narrow(0, i * W + j, H * W - (i * W + j)).zero_();
        const double logit = net->forward(prefix.view({1, 1, H, W}))[0][0][i][j].item<double>();
        const double prob = 1.0 / (1.0 + std::exp(-logit));
        sum -= x[0][0][i][j].item<double>() == 1.0 ? std::log(prob) : std::log(1.0 - prob);
      }
    }
    EXPECT_NEAR(nllPerImage(net->forward(x), x).item<double>(), sum, 1e-10 * sum) << toString(a);
  }
}

void expectFastEqualsNaive(Architecture a, int layers, int kernel, int H, int W,
                           torch::ScalarType type, double tolerance) {
  PixelCnnNet net = makeNet(a, layers, 8, kernel, 9, type);
  at::Generator generator = at::detail::createCPUGenerator(10);
  const torch::Tensor u = torch::rand({16, H, W}, generator).to(type);
  torch::Tensor pFast, pNaive;
  const torch::Tensor fast = sampleFast(net, u, &pFast);
  const torch::Tensor naive = sampleNaive(net, u, &pNaive);
  EXPECT_TRUE(torch::equal(fast, naive)) << toString(a) << " " << H << "x" << W;
  EXPECT_LE((pFast - pNaive).abs().max().item<double>(), tolerance) << toString(a);
  // The finished images' conditionals, from one pass: each pixel is its uniform's threshold.
  const torch::Tensor p = torch::sigmoid(net->forward(fast)).squeeze(1);
  EXPECT_LE((p - pFast).abs().max().item<double>(), tolerance) << toString(a);
  EXPECT_TRUE(torch::equal(fast.squeeze(1), (u < p).to(type))) << toString(a);
  // Not all one colour: the test would pass vacuously on a constant image.
  const double mean = fast.mean().item<double>();
  EXPECT_GT(mean, 0.05);
  EXPECT_LT(mean, 0.95);
}

TEST(PixelCnnSampling, FastEqualsNaiveWhenRowsAreCropped) {
  // Reach 1 + 3 = 4 rows on 12-row images: the fast sampler runs on 5 rows at most.
  expectFastEqualsNaive(Architecture::kPlain, 3, 3, 12, 10, torch::kFloat64, 1e-12);
  expectFastEqualsNaive(Architecture::kGated, 3, 3, 12, 10, torch::kFloat64, 1e-12);
}

TEST(PixelCnnSampling, FastEqualsNaiveInFloatOnDigitSizedImages) {
  expectFastEqualsNaive(Architecture::kPlain, 7, 5, 8, 8, torch::kFloat32, 1e-5);
  expectFastEqualsNaive(Architecture::kGated, 7, 5, 8, 8, torch::kFloat32, 1e-5);
}

TEST(PixelCnnSampling, SamplerStepsInRasterOrder) {
  PixelCnnNet net = makeNet(Architecture::kGated, 2, 4, 3, 11, torch::kFloat32);
  PixelSampler sampler(net, torch::full({2, 3, 4}, 0.5f));
  for (int k = 0; k < 12; ++k) {
    ASSERT_FALSE(sampler.done());
    EXPECT_EQ(sampler.row(), k / 4);
    EXPECT_EQ(sampler.col(), k % 4);
    const torch::Tensor p = sampler.step();
    EXPECT_EQ(p.numel(), 2);
  }
  EXPECT_TRUE(sampler.done());
}

}  // namespace
}  // namespace genlab::pixelcnn
