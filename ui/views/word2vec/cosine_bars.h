#pragma once
// Words ranked by cosine as bars (the nearest neighbours of a word, the answers to an analogy):
// one category per word on the x axis, the cosine as the bar's height with its value on top.
// The y axis is fixed at [0, 1] (negative cosines show as empty bars) so heights compare as
// training moves the words.

#include <string>
#include <vector>

#include "core/models/word2vec/keyed_vectors.h"
#include "ui/plot/plot_canvas.h"
#include "ui/plot/rect_layer.h"
#include "ui/plot/text_layer.h"
#include "ui/theme.h"

namespace genlab::views {

// Drops words from the end until every name fits under its bar in a canvas `width` logical
// pixels wide (the canvas thins category names that do not fit, and a bar without its word
// means nothing); keeps at least one.
void keepWhatFits(std::vector<word2vec::Neighbour>& words, float width, const ui::Style& style);

class CosineBars {
 public:
  explicit CosineBars(const std::string& xLabel);
  // Sets the bars (an empty list shows `emptyText` in the middle instead).
  void set(const std::vector<word2vec::Neighbour>& words, const std::string& title,
           const std::string& emptyText, const ui::Style& style);
  plot::PlotCanvas& canvas() { return m_canvas; }

 private:
  plot::PlotCanvas m_canvas;
  plot::RectLayer* m_bars = nullptr;
  plot::TextLayer* m_labels = nullptr;
  std::vector<std::string> m_shownWords;
};

}  // namespace genlab::views
