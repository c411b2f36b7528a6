#pragma once
// The VAE's image grids, each an ImageTiles texture rebuilt only when its snapshot part changes:
//   VaeTraversalView       one row per latent dimension (largest KL first), columns sweeping
//                          that dimension from -3 to +3 around the picked image; inactive
//                          dimensions are greyed and marked. The tiles fill the panel; row
//                          labels shrink to "z3" when the long ones would leave tiles shorter
//                          than one and a half lines of text.
//   VaeReconstructionView  held-out images (top row) over their reconstructions.
//   VaeInterpolationView   the decoder along the straight line and along the great circle
//                          (slerp) between the posterior means of the two last picked images.

#include "ui/views/image_tiles.h"
#include "ui/views/reply.h"
#include "ui/views/vae/vae_shared.h"
#include "ui/views/view.h"

namespace genlab::views {

class VaeTraversalView final : public View {
 public:
  explicit VaeTraversalView(VaeSelection& selection) : m_selection(selection) {}
  std::string title() const override { return "Latent traversal"; }
  void draw(ViewContext& context, ImVec2 size) override;
  const ImageTiles* picture() const override { return &m_tiles; }

 private:
  // Value labels over the columns (as many as fit) and a label left of each row, placed from
  // the tiles as last drawn.
  void drawLabels(const vae::VaeSnapshot& snapshot, const ui::Palette& palette, float labelWidth,
                  bool full);

  VaeSelection& m_selection;
  ImageTiles m_tiles;
  std::shared_ptr<const vae::Traversal> m_shown;
  std::uint64_t m_version = 0;
};

class VaeReconstructionView final : public View {
 public:
  std::string title() const override { return "Reconstructions"; }
  void draw(ViewContext& context, ImVec2 size) override;
  const ImageTiles* picture() const override { return &m_tiles; }

 private:
  ImageTiles m_tiles;
  std::shared_ptr<const std::vector<float>> m_shown;
  std::uint64_t m_version = 0;
};

class VaeInterpolationView final : public View {
 public:
  static constexpr int kSteps = 10;
  explicit VaeInterpolationView(VaeSelection& selection) : m_selection(selection) {}
  std::string title() const override { return "Interpolation"; }
  void draw(ViewContext& context, ImVec2 size) override;
  const ImageTiles* picture() const override { return &m_tiles; }

 private:
  struct Strips {
    std::vector<float> linear;
    std::vector<float> spherical;
  };
  VaeSelection& m_selection;
  ImageTiles m_tiles;
  ReplyPtr<Strips> m_reply;
  std::vector<float> m_images;  // linear row then spherical row
  std::uint64_t m_version = 0;
  std::uint64_t m_requestedPick = ~std::uint64_t{0};
  std::int64_t m_requestedStep = -1;
};

}  // namespace genlab::views
