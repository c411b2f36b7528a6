#pragma once
// The PixelCNN networks, their likelihood and their samplers (LibTorch). Internal to
// core/models/pixelcnn: the trainer's .cpp, the tests and the benchmark include this header;
// the lab's code sees only pixelcnn_trainer.h.
//
// Images are [N, 1, H, W] tensors of 0/1 pixels; a network maps them to logits of the same
// shape, where logit (i, j) is log p(x_ij = 1 | x_<ij) / p(x_ij = 0 | x_<ij), "<" in raster order
// (row by row, left to right). Causality holds by construction:
//
// Masked convolutions (plain) multiply the weight by a fixed 0/1 mask in every forward pass:
// the stored weights under the mask's zeros are never used, get zero gradient, and may hold
// anything. Mask A (first layer) keeps the rows above the centre and the centre row's pixels
// left of the centre; mask B (later layers) also keeps the centre.
//
// Gated layers (gated) use no masks but shifted, one-sided convolutions:
//   vertical   kernel (p+1) x k over rows i-p..i, columns j-p..j+p: v(i) depends on rows <= i;
//   link       1x1 conv of the vertical pre-activation shifted down one row (rows < i) into
//              the horizontal stack;
//   horizontal kernel 1 x (p+1) over columns j-p..j of the same row (the first layer shifts its
//              input right by one, so it sees j-p-1..j-1 of the image);
//   gate       tanh(a) * sigmoid(b) over the two halves of 2C channels; the horizontal stack
//              adds a 1x1 conv of its gate to its input (residual) after the first layer.
// So h(i, j) depends on image rows < i and on row i left of j only.
// Both end in the same head: ReLU, 1x1 conv C -> C, ReLU, 1x1 conv C -> 1.

#include <torch/torch.h>

#include <vector>

#include "core/models/pixelcnn/pixelcnn_config.h"

namespace genlab::pixelcnn {

struct NetShape {
  Architecture architecture = Architecture::kGated;
  int layers = 7;
  int channels = 32;
  int kernel = 5;  // the first layer's; later layers are 3 wide
};

NetShape shapeOf(const PixelCnnConfig& config);

// The mask of a masked k x k convolution, [k, k] floats (1 keeps a weight).
torch::Tensor convolutionMask(int kernel, bool maskA);

class MaskedConv2dImpl : public torch::nn::Module {
 public:
  MaskedConv2dImpl(int in, int out, int kernel, bool maskA);
  torch::Tensor forward(const torch::Tensor& x);
  torch::nn::Conv2d conv{nullptr};  // weight [out, in, k, k]; its padding is k / 2
  torch::Tensor mask;               // buffer [1, 1, k, k]
};
TORCH_MODULE(MaskedConv2d);

class GatedLayerImpl : public torch::nn::Module {
 public:
  GatedLayerImpl(int in, int channels, int kernel, bool first);
  // The vertical pre-activation [N, 2C, h, W] of the vertical input (rows as given).
  torch::Tensor verticalPre(const torch::Tensor& v);
  // link(down-shift(verticalPre)): what the horizontal stack adds at each row.
  torch::Tensor linkTerm(const torch::Tensor& vPre);
  // The horizontal stack's output given its input and the link term of the same rows.
  torch::Tensor horizontal(const torch::Tensor& h, const torch::Tensor& fromAbove);
  static torch::Tensor gate(const torch::Tensor& pre);

  int pad;     // p = kernel / 2
  bool first;  // mask-A-like: shifts its horizontal input; no residual
  torch::nn::Conv2d vconv{nullptr}, hconv{nullptr}, link{nullptr}, hout{nullptr};
};
TORCH_MODULE(GatedLayer);

class PixelCnnNetImpl : public torch::nn::Module {
 public:
  explicit PixelCnnNetImpl(const NetShape& shape);
  torch::Tensor forward(const torch::Tensor& x);      // logits, the shape of x
  torch::Tensor features(const torch::Tensor& x);     // the last layer's [N, C, H, W]
  torch::Tensor head(const torch::Tensor& features);  // [N, C, h, w] -> logits [N, 1, h, w]
  // How many rows above a pixel its logit can depend on (an upper bound).
  int verticalReach() const;
  const NetShape& shape() const { return m_shape; }

  std::vector<MaskedConv2d> plain;  // plain architecture only
  std::vector<GatedLayer> gated;    // gated architecture only
  torch::nn::Conv2d head1{nullptr}, head2{nullptr};

 private:
  NetShape m_shape;
};
TORCH_MODULE(PixelCnnNet);

// -log p(x) per image in nats, [N]: the sum over pixels of the binary cross-entropy of each
// pixel's logit (exact: the conditionals multiply to the joint).
torch::Tensor nllPerImage(const torch::Tensor& logits, const torch::Tensor& x);

// Nats per image -> bits per dimension (pixel).
double bitsPerDim(double natsPerImage, int pixels);

// Draws images pixel by pixel in raster order: pixel (i, j) of image n is 1 exactly when
// uniforms[n, i, j] < p(x_ij = 1 | pixels drawn so far). Given the same uniforms, every sampler
// below draws the same images (up to float rounding in p, which flips a pixel only when a
// uniform lands within ~1e-7 of it).
//
// What is reused between pixels (why this is faster than one full forward pass per pixel):
//   - rows: a logit at row i depends on rows i - R .. i only (R = verticalReach()), and on
//     nothing below, so each pass runs on those rows alone (exact: the rows cut off above are
//     either outside the image, where the full pass pads with zeros too, or out of reach);
//   - the head runs at the one pixel being drawn, not at all H x W;
//   - gated: the vertical stack and the links into row i depend on rows < i only, so they are
//     computed once per row; each pixel of the row then runs only the horizontal stack, on
//     columns 0..j of that one row (it depends on nothing to the right).
class PixelSampler {
 public:
  // `uniforms`: [N, H, W] floats in [0, 1). The network is used in no-grad mode.
  PixelSampler(PixelCnnNet net, torch::Tensor uniforms);
  bool done() const { return m_row >= m_height; }
  int row() const { return m_row; }  // the next pixel to draw
  int col() const { return m_col; }
  // Draws the next pixel of every image; returns p(x = 1 | past) for each, [N].
  torch::Tensor step();
  const torch::Tensor& canvas() const { return m_canvas; }  // [N, 1, H, W], 0 where not drawn

 private:
  void startRow();
  torch::Tensor logitHere();

  PixelCnnNet m_net;
  torch::Tensor m_uniforms;
  torch::Tensor m_canvas;
  int m_height, m_width;
  int m_row = 0, m_col = 0;
  std::vector<torch::Tensor> m_links;  // gated: each layer's link term at the current row
};

// The fast sampler above, run to the end. `probabilities` (optional) gets [N, H, W].
torch::Tensor sampleFast(PixelCnnNet& net, const torch::Tensor& uniforms,
                         torch::Tensor* probabilities = nullptr);
// The naive loop: one full forward pass of the whole canvas per pixel.
torch::Tensor sampleNaive(PixelCnnNet& net, const torch::Tensor& uniforms,
                          torch::Tensor* probabilities = nullptr);

// d logit(row, col) / d x for one image [1, 1, H, W]: the pixel's receptive field as the
// network computes it, [H, W] (same dtype as the network).
torch::Tensor inputGradient(PixelCnnNet& net, const torch::Tensor& image, int row, int col);

}  // namespace genlab::pixelcnn
