#pragma once
// The image GAN's pictures: the 8x8 grid of samples from fixed noise (redrawn as training goes),
// optionally beside each sample's nearest training image (to talk about memorisation), and the
// images along a straight line in noise space, wrapped into the rows that give them the most
// room in their panel.

#include <chrono>
#include <memory>
#include <optional>

#include "core/models/gan/image_gan_snapshot.h"
#include "ui/views/image_tiles.h"
#include "ui/views/reply.h"
#include "ui/views/view.h"

namespace genlab::views {

class ImageGanSamplesView final : public View {
 public:
  std::string title() const override { return "Samples G(z) from fixed noise"; }
  void draw(ViewContext& context, ImVec2 size) override;
  const ImageTiles* picture() const override { return &m_samples; }

  // Shows each sample's nearest training image beside the grid (computed on the trainer thread,
  // again whenever the samples are redrawn).
  bool showNearest = false;

  ImageTiles& samples() { return m_samples; }
  ImageTiles& nearest() { return m_nearest; }

 private:
  void requestNearest(train::Session& session);

  ImageTiles m_samples;
  ImageTiles m_nearest;
  std::shared_ptr<const gan::ImageGanPictures> m_shown;
  std::uint64_t m_version = 0;
  ReplyPtr<gan::NearestTraining> m_reply;
  std::optional<gan::NearestTraining> m_nearestData;
  std::int64_t m_nearestAskedFor = -1;
  std::chrono::steady_clock::time_point m_nearestAskedAt;
  static constexpr std::chrono::seconds kNearestPeriod{3};
  std::uint64_t m_nearestVersion = 0;
};

class ImageGanInterpolationView final : public View {
 public:
  std::string title() const override { return "Walking a straight line in noise space"; }
  void draw(ViewContext& context, ImVec2 size) override;
  const ImageTiles* picture() const override { return &m_tiles; }

 private:
  ImageTiles m_tiles;
  std::shared_ptr<const gan::ImageGanPictures> m_shown;
  std::uint64_t m_version = 0;
};

}  // namespace genlab::views
