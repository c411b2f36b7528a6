#pragma once
// The RBM's pictures: the weights into each hidden unit as a grid of filters (grey 0.5 is zero
// weight, white positive, black negative, on one symmetric scale), the dreaming chains (one
// Gibbs sweep per training step, p(v | h) shown), and held-out images beside their one-step
// reconstructions.

#include <memory>
#include <string>
#include <utility>

#include "core/models/rbm/rbm_snapshot.h"
#include "ui/views/image_tiles.h"
#include "ui/views/view.h"

namespace genlab::views {

// The grid of images one RbmSnapshot field holds; subclasses pick the field and the caption.
class RbmImageGridView : public View {
 public:
  void draw(ViewContext& context, ImVec2 size) override;
  const ImageTiles* picture() const override { return &m_tiles; }
  ImageTiles& tiles() { return m_tiles; }

 protected:
  struct Grid {
    std::vector<float> pixels;
    int count = 0;
    int columns = kAnyColumns;
    int columnStep = 1;  // with kAnyColumns: a multiple of this (2 keeps pairs on one row)
  };
  virtual Grid grid(const rbm::RbmSnapshot& snap) const = 0;
  virtual std::string caption(const rbm::RbmSnapshot& snap) const = 0;
  // Height kept under the grid for drawExtra (0: none), for a view of `size`.
  virtual float extraHeight(ImVec2 /*size*/) const { return 0.0F; }
  // Draws into the `box` under the grid; `hovered` is the tile under the mouse, or -1.
  virtual void drawExtra(const rbm::RbmSnapshot& /*snap*/, int /*hovered*/, ImVec2 /*box*/) {}

 private:
  ImageTiles m_tiles;
  Grid m_grid;
  int m_columns = 0;  // as last packed
  const rbm::RbmSnapshot* m_shown = nullptr;
  std::shared_ptr<const train::Snapshot> m_keep;  // keeps m_shown alive
  std::uint64_t m_version = 0;
};

class RbmFiltersView final : public RbmImageGridView {
 public:
  explicit RbmFiltersView(std::string title = "Filters of the hidden units")
      : m_title(std::move(title)) {}
  std::string title() const override { return m_title; }

 protected:
  Grid grid(const rbm::RbmSnapshot& snap) const override;
  std::string caption(const rbm::RbmSnapshot& snap) const override;

 private:
  std::string m_title;
};

class RbmDreamsView final : public RbmImageGridView {
 public:
  std::string title() const override { return "Dreaming Gibbs chains"; }

 protected:
  Grid grid(const rbm::RbmSnapshot& snap) const override;
  std::string caption(const rbm::RbmSnapshot& snap) const override;
};

// Under the pairs: the hidden units' activations p(h_j = 1 | image) for the image under the
// mouse (the last one hovered; the first at the start), one grey square per unit.
// `count` activations in [0, 1] as grey squares (white = 1) in `box` from the cursor: one row
// when they fit at a readable size, else as many rows as needed, centred.
void drawActivationSquares(const float* values, int count, ImVec2 box);

// Outlines tiles 2 k and 2 k + 1 of `tiles` (an image and its reconstruction).
void outlinePair(const ImageTiles& tiles, int k);

class RbmReconstructionsView final : public RbmImageGridView {
 public:
  std::string title() const override { return "Reconstructions"; }
  int selected() const { return m_selected; }

 protected:
  Grid grid(const rbm::RbmSnapshot& snap) const override;
  std::string caption(const rbm::RbmSnapshot& snap) const override;
  float extraHeight(ImVec2 size) const override { return 0.2F * size.y; }
  void drawExtra(const rbm::RbmSnapshot& snap, int hovered, ImVec2 box) override;

 private:
  int m_selected = 0;  // the pair whose hidden units are shown
};

}  // namespace genlab::views
