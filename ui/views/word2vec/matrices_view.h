#pragma once
// The two weight matrices of a small vocabulary as heat maps, side by side, one row per word
// (most frequent at the top, labelled) and one column per dimension: the input vectors W (the
// embedding) and the output vectors W' (what the context is compared with). Blue is negative,
// red positive, white zero, on a scale symmetric about zero per matrix (the titles give it).
// The rows the last update touched are outlined: h's word(s) in W, the true word and the noise
// words in W'. Shown for vocabularies that carry their output vectors
// (Word2VecRunSnapshot::kOutputWords); larger ones get a note instead.

#include <string>
#include <utility>
#include <vector>

#include "ui/plot/heatmap_layer.h"
#include "ui/plot/line_layer.h"
#include "ui/plot/plot_canvas.h"
#include "ui/plot/text_layer.h"
#include "ui/views/view.h"

namespace genlab::views {

// Blue (-1) through white (0) to red (+1); t is clamped to [-1, 1].
gl::Rgba8 divergingColor(float t);

class MatricesView final : public View {
 public:
  MatricesView();
  std::string title() const override { return "Input and output vectors"; }
  void draw(ViewContext& context, ImVec2 size) override;

 private:
  struct Matrix {
    plot::PlotCanvas canvas;
    plot::HeatmapLayer* cells = nullptr;
    plot::LineLayer* outlines = nullptr;
    plot::TextLayer* labels = nullptr;
  };
  // Sets one matrix's cells, row labels, outlines and title; `labelRoom` is the label column's
  // width in data units (left of x = -0.5).
  void fill(Matrix& m, const std::vector<float>& values, int words, int dim,
            const std::vector<std::string>& names,
            const std::vector<std::pair<int, gl::Color>>& rows, const std::string& name,
            double labelRoom, const ui::Style& style);

  Matrix m_input, m_output;
  train::SnapshotPtr m_shown;
  float m_shownWidth = 0.0f;
  ui::Palette m_shownPalette;
};

}  // namespace genlab::views
