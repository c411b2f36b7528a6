#include "ui/views/word2vec/neighbours_view.h"

#include <imgui_stdlib.h>

#include "ui/plot/plot_widget.h"
#include "ui/views/word2vec/word_field.h"

namespace genlab::views {

NeighboursView::NeighboursView(Word2VecSelection& selection, WordVectorsCache& vectors)
    : m_selection(selection), m_vectors(vectors), m_bars("neighbour") {}

void NeighboursView::draw(ViewContext& context, ImVec2 size) {
  const word2vec::KeyedVectors* vectors = m_vectors.vectorsFor(context.snapshot);
  if (!vectors) return;
  const float top = ImGui::GetCursorPosY();
  wordField("word", "##neighbours-word", m_selection.word, *vectors,
            ImGui::GetContentRegionAvail().x);
  // The bars change with the snapshot, the word and the width only: recomputing them every
  // frame would re-render the canvas every frame.
  const std::string key = m_selection.word + '\n' + std::to_string(static_cast<int>(size.x));
  if (context.snapshot != m_shown || key != m_shownKey ||
      !(context.style.palette == m_shownPalette)) {
    m_shown = context.snapshot;
    m_shownKey = key;
    m_shownPalette = context.style.palette;
    std::vector<word2vec::Neighbour> neighbours;
    std::string title, empty;
    if (vectors->find(m_selection.word) >= 0) {
      neighbours = vectors->neighbours(m_selection.word, kNeighbours);
      title = "nearest to \"" + m_selection.word + "\"";
    } else {
      title = "nearest neighbours";
      empty = m_selection.word.empty() ? "type a word, or click one in the embedding"
                                       : "\"" + m_selection.word + "\" is not in the vocabulary";
    }
    keepWhatFits(neighbours, size.x, context.style);
    m_bars.set(neighbours, title, empty, context.style);
  }
  const float used = ImGui::GetCursorPosY() - top;
  plot::CanvasWidgetOptions options;
  options.showTooltip = false;
  plot::showCanvas("##w2v-neighbours", m_bars.canvas(), ImVec2(size.x, size.y - used),
                   context.style, options);
}

}  // namespace genlab::views
