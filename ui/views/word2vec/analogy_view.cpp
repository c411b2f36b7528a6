#include "ui/views/word2vec/analogy_view.h"

#include <imgui_stdlib.h>

#include "ui/plot/plot_widget.h"
#include "ui/views/word2vec/word_field.h"

namespace genlab::views {

AnalogyView::AnalogyView(Word2VecSelection& selection, WordVectorsCache& vectors)
    : m_selection(selection), m_vectors(vectors), m_bars("answer") {}

void AnalogyView::draw(ViewContext& context, ImVec2 size) {
  const word2vec::KeyedVectors* vectors = m_vectors.vectorsFor(context.snapshot);
  if (!vectors) return;
  const float top = ImGui::GetCursorPosY();
  auto& [a, b, c] = m_selection.analogy;
  // Three fields on one line: "a  - b  + c", each a third of the width.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float signs = ImGui::CalcTextSize("-").x + ImGui::CalcTextSize("+").x;
  const float each = (ImGui::GetContentRegionAvail().x - signs - 4.0f * style.ItemSpacing.x) / 3.0f;
  wordField(nullptr, "##analogy-a", a, *vectors, each);
  ImGui::SameLine();
  ImGui::TextUnformatted("-");
  ImGui::SameLine();
  wordField(nullptr, "##analogy-b", b, *vectors, each);
  ImGui::SameLine();
  ImGui::TextUnformatted("+");
  ImGui::SameLine();
  wordField(nullptr, "##analogy-c", c, *vectors, each);

  // Recomputed with the snapshot, the words and the width only (see NeighboursView).
  const std::string key = a + '\n' + b + '\n' + c + '\n' + std::to_string(static_cast<int>(size.x));
  if (context.snapshot != m_shown || key != m_shownKey ||
      !(context.style.palette == m_shownPalette)) {
    m_shown = context.snapshot;
    m_shownKey = key;
    m_shownPalette = context.style.palette;
    std::vector<word2vec::Neighbour> answers;
    std::string empty;
    for (const std::string* word : {&a, &b, &c}) {
      if (word->empty()) {
        empty = "type three words: a - b + c";
      } else if (vectors->find(*word) < 0 && empty.empty()) {
        empty = "\"" + *word + "\" is not in the vocabulary";
      }
    }
    if (empty.empty()) answers = vectors->analogy(a, b, c, kAnswers);
    keepWhatFits(answers, size.x, context.style);
    m_bars.set(answers, a + " - " + b + " + " + c + " = ?", empty, context.style);
  }
  const float used = ImGui::GetCursorPosY() - top;
  plot::CanvasWidgetOptions options;
  options.showTooltip = false;
  plot::showCanvas("##w2v-analogy", m_bars.canvas(), ImVec2(size.x, size.y - used), context.style,
                   options);
}

}  // namespace genlab::views
