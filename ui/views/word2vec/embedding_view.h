#pragma once
// The embedding in 2-D, live: the input vectors of the most frequent words (all of them on a
// small corpus) projected by PCA onto their two leading axes, each labelled with its word.
// Labels are laid out in order of frequency, so where two would collide the commoner word is
// kept. The selected word (Word2VecSelection::word) and its nearest neighbours stand out; a
// click on a point selects its word.
//
// PCA is recomputed from every new snapshot the view draws, on the UI thread (at most kMaxWords x
// D, well under a millisecond at D = 100). t-SNE runs in the background (core/math/
// projection_job.h, one thread), warm-starting from its last map while the same words are shown,
// so the map drifts with training; until its first map arrives the view shows PCA and says so.

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/math/projection_job.h"
#include "ui/plot/line_layer.h"
#include "ui/plot/plot_canvas.h"
#include "ui/plot/point_layer.h"
#include "ui/plot/text_layer.h"
#include "ui/views/view.h"
#include "ui/views/word2vec/word2vec_shared.h"

namespace genlab::views {

class EmbeddingView final : public View {
 public:
  static constexpr int kMaxWords = 250;  // the most frequent words drawn (plus the selection)
  static constexpr int kHighlighted = 8;
  static constexpr double kRefreshSeconds =
      0.25;  // neighbours of the selected word drawn in colour

  EmbeddingView(Word2VecSelection& selection, WordVectorsCache& vectors);
  std::string title() const override { return "Embedding (2-D)"; }
  void draw(ViewContext& context, ImVec2 size) override;
  plot::PlotCanvas& canvas() { return m_canvas; }

 private:
  void rebuild(const word2vec::Word2VecRunSnapshot& snapshot, const ui::Style& style);
  // The rows (the shown words' vectors) in the plane by the selected method; `note` says what
  // was actually drawn. `newVectors`: the rows come from a snapshot not projected before.
  Eigen::MatrixX2d project(const Eigen::MatrixXd& rows, bool newVectors, std::string& note);

  Word2VecSelection& m_selection;
  WordVectorsCache& m_vectors;
  plot::PlotCanvas m_canvas;
  plot::LineLayer* m_links = nullptr;
  plot::PointLayer* m_points = nullptr;
  plot::TextLayer* m_labels = nullptr;
  std::vector<int> m_shownWords;  // vocabulary index per point
  train::SnapshotPtr m_shown;
  std::string m_shownSelection;
  WordProjection m_shownProjection = WordProjection::kPca;
  ui::Palette m_shownPalette;
  double m_rebuiltAt = -1e9;  // ImGui::GetTime() of the last rebuild
  int m_fitted = 0;           // refits while the cloud is still growing from its tiny random start
  train::SnapshotPtr m_projected;  // the snapshot whose vectors were last projected
  std::unique_ptr<math::ProjectionJob> m_tsneJob;
  std::shared_ptr<const math::ProjectionJob::Result> m_tsneShown;
  std::uint64_t m_tsneKey = 0;
};

}  // namespace genlab::views
