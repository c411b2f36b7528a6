#pragma once
// The PixelCNN lesson's pictures:
//   PixelCnnReceptiveView  the receptive field of the pixel the student clicks, computed on the
//                          trainer thread from the gradient of that pixel's logit with respect
//                          to the input, for the trained network and for the other
//                          architecture beside it (plain's blind spot against gated's none);
//   PixelCnnSamplingView   one image drawn pixel by pixel, animated, with the current pixel's
//                          p(x = 1 | pixels so far) and the uniform it was compared with;
//   PixelCnnSamplesView    the 4 x 4 grid of samples from fixed uniforms.

#include <chrono>
#include <memory>
#include <optional>

#include "core/models/pixelcnn/pixelcnn_snapshot.h"
#include "ui/views/image_tiles.h"
#include "ui/views/reply.h"
#include "ui/views/view.h"

namespace genlab::views {

class PixelCnnReceptiveView final : public View {
 public:
  std::string title() const override { return "Which pixels can pixel (i, j) see? (gradient)"; }
  void draw(ViewContext& context, ImVec2 size) override;
  void select(int row, int col) {
    m_row = row;
    m_col = col;
    m_askedStep = -1;
  }

 private:
  void request(train::Session& session, std::int64_t step);

  int m_row = 4;
  int m_col = 1;
  ReplyPtr<pixelcnn::ReceptiveField> m_reply;
  std::optional<pixelcnn::ReceptiveField> m_field;
  std::int64_t m_askedStep = -1;
  std::chrono::steady_clock::time_point m_askedAt;
};

class PixelCnnSamplingView final : public View {
 public:
  std::string title() const override { return "Sampling one pixel at a time"; }
  void draw(ViewContext& context, ImVec2 size) override;

  bool playing = true;
  int pixelsPerSecond = 12;
  bool restartAsked = false;

 private:
  ReplyPtr<pixelcnn::SamplingFrame> m_reply;
  std::optional<pixelcnn::SamplingFrame> m_frame;
  bool m_inFlight = false;
  std::chrono::steady_clock::time_point m_last;
  double m_owed = 0.0;  // pixels due but not yet asked for
};

class PixelCnnSamplesView final : public View {
 public:
  std::string title() const override { return "16 samples (same uniforms all run long)"; }
  void draw(ViewContext& context, ImVec2 size) override;
  const ImageTiles* picture() const override { return &m_tiles; }

 private:
  ImageTiles m_tiles;
  std::shared_ptr<const pixelcnn::PixelCnnPictures> m_shown;
  std::uint64_t m_version = 0;
};

}  // namespace genlab::views
