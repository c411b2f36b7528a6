#pragma once
// Per finished model, a row of images it generated (independent pixels, Naive Bayes and the
// mixture: every pixel drawn; the RBMs: p(v | h) after long Gibbs chains; PixelCNN: one pixel
// at a time; the VAE: the decoder's mean at z ~ N(0, I)), in the board's order, best first,
// each row labelled with the model and its figure. What a likelihood rewards, side by side
// with what it looks like.

#include <string>
#include <vector>

#include "core/eval/leaderboard_snapshot.h"
#include "ui/views/image_tiles.h"
#include "ui/views/view.h"

namespace genlab::views {

class LeaderboardSamplesView final : public View {
 public:
  std::string title() const override { return "Samples of each model"; }
  void draw(ViewContext& context, ImVec2 size) override;
  const ImageTiles* picture() const override { return &m_tiles; }
  // The models of the rows as last packed, top to bottom.
  const std::vector<std::string>& rowModels() const { return m_rows; }

 private:
  static constexpr int kMinColumns = 3;

  ImageTiles m_tiles;
  std::vector<float> m_grid;  // every model's samples, m_samples each, row after row
  int m_samples = 0;          // samples per model in m_grid
  train::SnapshotPtr m_shown;
  std::uint64_t m_version = 0;
  std::vector<std::string> m_rows;
  std::vector<std::string> m_labels;   // the rows' model names
  std::vector<std::string> m_figures;  // and their figures, "19.7 nats"
  int m_columns = 0;                   // as packed into m_tiles (0: not yet)
};

}  // namespace genlab::views
