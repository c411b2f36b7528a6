#include "core/models/pixelcnn/pixelcnn_network.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace genlab::pixelcnn {

namespace F = torch::nn::functional;
using torch::nn::Conv2d;
using torch::nn::Conv2dOptions;

namespace {

constexpr int kLaterKernel = 3;

// Zero padding (negative amounts crop): {left, right, top, bottom}.
torch::Tensor pad(const torch::Tensor& x, std::int64_t left, std::int64_t right, std::int64_t top,
                  std::int64_t bottom) {
  return torch::constant_pad_nd(x, {left, right, top, bottom}, 0);
}

// Moves rows down by one (row 0 becomes zeros), keeping the height.
torch::Tensor downShift(const torch::Tensor& x) {
  return pad(x, 0, 0, 1, 0).narrow(2, 0, x.size(2));
}

// Moves columns right by one (column 0 becomes zeros), keeping the width.
torch::Tensor rightShift(const torch::Tensor& x) {
  return pad(x, 1, 0, 0, 0).narrow(3, 0, x.size(3));
}

}  // namespace

NetShape shapeOf(const PixelCnnConfig& config) {
  return {config.architecture, config.layers, config.channels, config.kernel};
}

torch::Tensor convolutionMask(int kernel, bool maskA) {
  const int c = kernel / 2;
  torch::Tensor mask = torch::zeros({kernel, kernel}, torch::kFloat32);
  auto m = mask.accessor<float, 2>();
  for (int r = 0; r < kernel; ++r)
    for (int s = 0; s < kernel; ++s)
      if (r < c || (r == c && (s < c || (s == c && !maskA)))) m[r][s] = 1.0f;
  return mask;
}

MaskedConv2dImpl::MaskedConv2dImpl(int in, int out, int kernel, bool maskA) {
  conv = register_module("conv", Conv2d(Conv2dOptions(in, out, kernel).padding(kernel / 2)));
  mask = register_buffer("mask", convolutionMask(kernel, maskA).view({1, 1, kernel, kernel}));
}

torch::Tensor MaskedConv2dImpl::forward(const torch::Tensor& x) {
  const auto k = conv->weight.size(2);
  return torch::conv2d(x, conv->weight * mask, conv->bias, 1, k / 2);
}

GatedLayerImpl::GatedLayerImpl(int in, int channels, int kernel, bool isFirst)
    : pad(kernel / 2), first(isFirst) {
  const int c2 = 2 * channels;
  vconv = register_module("vconv", Conv2d(Conv2dOptions(in, c2, {pad + 1, kernel})));
  hconv = register_module("hconv", Conv2d(Conv2dOptions(in, c2, {1, pad + 1})));
  link = register_module("link", Conv2d(Conv2dOptions(c2, c2, 1)));
  hout = register_module("hout", Conv2d(Conv2dOptions(channels, channels, 1)));
}

torch::Tensor GatedLayerImpl::verticalPre(const torch::Tensor& v) {
  return vconv->forward(genlab::pixelcnn::pad(v, pad, pad, pad, 0));
}

torch::Tensor GatedLayerImpl::linkTerm(const torch::Tensor& vPre) {
  return link->forward(downShift(vPre));
}

torch::Tensor GatedLayerImpl::horizontal(const torch::Tensor& h, const torch::Tensor& fromAbove) {
  const torch::Tensor in = first ? rightShift(h) : h;
  const torch::Tensor pre = hconv->forward(genlab::pixelcnn::pad(in, pad, 0, 0, 0)) + fromAbove;
  const torch::Tensor g = hout->forward(gate(pre));
  return first ? g : h + g;
}

torch::Tensor GatedLayerImpl::gate(const torch::Tensor& pre) {
  const auto halves = pre.chunk(2, 1);
  return torch::tanh(halves[0]) * torch::sigmoid(halves[1]);
}

PixelCnnNetImpl::PixelCnnNetImpl(const NetShape& shape) : m_shape(shape) {
  const int c = shape.channels;
  for (int l = 0; l < shape.layers; ++l) {
    const int in = l == 0 ? 1 : c;
    const int k = l == 0 ? shape.kernel : kLaterKernel;
    if (shape.architecture == Architecture::kPlain) {
      plain.push_back(register_module("plain" + std::to_string(l), MaskedConv2d(in, c, k, l == 0)));
    } else {
      gated.push_back(register_module("gated" + std::to_string(l), GatedLayer(in, c, k, l == 0)));
    }
  }
  head1 = register_module("head1", Conv2d(Conv2dOptions(c, c, 1)));
  head2 = register_module("head2", Conv2d(Conv2dOptions(c, 1, 1)));
}

torch::Tensor PixelCnnNetImpl::features(const torch::Tensor& x) {
  if (m_shape.architecture == Architecture::kPlain) {
    torch::Tensor h = plain[0]->forward(x);
    for (std::size_t l = 1; l < plain.size(); ++l) h = plain[l]->forward(torch::relu(h));
    return h;
  }
  torch::Tensor v = x;
  torch::Tensor h = x;
  for (auto& layer : gated) {
    const torch::Tensor vPre = layer->verticalPre(v);
    h = layer->horizontal(h, layer->linkTerm(vPre));
    v = GatedLayerImpl::gate(vPre);
  }
  return h;
}

torch::Tensor PixelCnnNetImpl::head(const torch::Tensor& f) {
  return head2->forward(torch::relu(head1->forward(torch::relu(f))));
}

torch::Tensor PixelCnnNetImpl::forward(const torch::Tensor& x) {
  return head(features(x));
}

int PixelCnnNetImpl::verticalReach() const {
  // First layer k/2 rows, each later layer one, the gated link's shift one more.
  return m_shape.kernel / 2 + m_shape.layers;
}

torch::Tensor nllPerImage(const torch::Tensor& logits, const torch::Tensor& x) {
  return torch::binary_cross_entropy_with_logits(logits, x, {}, {}, at::Reduction::None)
      .flatten(1)
      .sum(1);
}

double bitsPerDim(double natsPerImage, int pixels) {
  return natsPerImage / (static_cast<double>(pixels) * std::numbers::ln2);
}

// --- sampling ----------------------------------------------------------------------------------

PixelSampler::PixelSampler(PixelCnnNet net, torch::Tensor uniforms)
    : m_net(std::move(net)),
      m_uniforms(std::move(uniforms)),
      m_height(static_cast<int>(m_uniforms.size(1))),
      m_width(static_cast<int>(m_uniforms.size(2))) {
  m_canvas = torch::zeros({m_uniforms.size(0), 1, m_height, m_width}, m_uniforms.options());
  if (m_height > 0 && m_width > 0) {
    startRow();
  } else {
    m_row = m_height;
  }
}

void PixelSampler::startRow() {
  m_links.clear();
  if (m_net->shape().architecture != Architecture::kGated) return;
  torch::NoGradGuard noGrad;
  const int top = std::max(0, m_row - m_net->verticalReach());
  torch::Tensor v = m_canvas.narrow(2, top, m_row - top + 1);
  const std::int64_t last = m_row - top;
  for (auto& layer : m_net->gated) {
    const torch::Tensor vPre = layer->verticalPre(v);
    m_links.push_back(layer->linkTerm(vPre).narrow(2, last, 1));
    v = GatedLayerImpl::gate(vPre);
  }
}

torch::Tensor PixelSampler::logitHere() {
  if (m_net->shape().architecture == Architecture::kGated) {
    const std::int64_t cols = m_col + 1;
    torch::Tensor h = m_canvas.narrow(2, m_row, 1).narrow(3, 0, cols);
    for (std::size_t l = 0; l < m_net->gated.size(); ++l) {
      h = m_net->gated[l]->horizontal(h, m_links[l].narrow(3, 0, cols));
    }
    return m_net->head(h.narrow(3, m_col, 1));
  }
  const int top = std::max(0, m_row - m_net->verticalReach());
  const torch::Tensor f = m_net->features(m_canvas.narrow(2, top, m_row - top + 1));
  return m_net->head(f.narrow(2, m_row - top, 1).narrow(3, m_col, 1));
}

torch::Tensor PixelSampler::step() {
  torch::NoGradGuard noGrad;
  const torch::Tensor p = torch::sigmoid(logitHere()).flatten();
  const torch::Tensor u = m_uniforms.select(1, m_row).select(1, m_col);
  const torch::Tensor x = (u < p).to(m_canvas.scalar_type());
  m_canvas.narrow(2, m_row, 1).narrow(3, m_col, 1).copy_(x.view({-1, 1, 1, 1}));
  if (++m_col == m_width) {
    m_col = 0;
    if (++m_row < m_height) startRow();
  }
  return p;
}

torch::Tensor sampleFast(PixelCnnNet& net, const torch::Tensor& uniforms,
                         torch::Tensor* probabilities) {
  PixelSampler sampler(net, uniforms);
  torch::Tensor probs;
  if (probabilities) probs = torch::zeros_like(uniforms);
  while (!sampler.done()) {
    const int i = sampler.row();
    const int j = sampler.col();
    const torch::Tensor p = sampler.step();
    if (probabilities) probs.select(1, i).select(1, j).copy_(p);
  }
  if (probabilities) *probabilities = probs;
  return sampler.canvas();
}

torch::Tensor sampleNaive(PixelCnnNet& net, const torch::Tensor& uniforms,
                          torch::Tensor* probabilities) {
  torch::NoGradGuard noGrad;
  const auto n = uniforms.size(0);
  const auto height = uniforms.size(1);
  const auto width = uniforms.size(2);
  torch::Tensor canvas = torch::zeros({n, 1, height, width}, uniforms.options());
  torch::Tensor probs;
  if (probabilities) probs = torch::zeros_like(uniforms);
  for (std::int64_t i = 0; i < height; ++i) {
    for (std::int64_t j = 0; j < width; ++j) {
      const torch::Tensor logits = net->forward(canvas);
      const torch::Tensor p = torch::sigmoid(logits.select(1, 0).select(1, i).select(1, j));
      const torch::Tensor u = uniforms.select(1, i).select(1, j);
      canvas.select(1, 0).select(1, i).select(1, j).copy_((u < p).to(canvas.scalar_type()));
      if (probabilities) probs.select(1, i).select(1, j).copy_(p);
    }
  }
  if (probabilities) *probabilities = probs;
  return canvas;
}

torch::Tensor inputGradient(PixelCnnNet& net, const torch::Tensor& image, int row, int col) {
  torch::Tensor x = image.detach().clone().requires_grad_(true);
  const torch::Tensor logit = net->forward(x).select(1, 0).select(1, row).select(1, col).sum();
  return torch::autograd::grad({logit}, {x})[0].select(0, 0).select(0, 0);
}

}  // namespace genlab::pixelcnn
