#pragma once
// The nearest neighbours of one word by cosine, as bars, recomputed from every new snapshot so
// the class sees the neighbourhood form while training runs. The word is typed in the field above
// the bars or clicked in the embedding view (Word2VecSelection::word).

#include "ui/views/view.h"
#include "ui/views/word2vec/cosine_bars.h"
#include "ui/views/word2vec/word2vec_shared.h"

namespace genlab::views {

class NeighboursView final : public View {
 public:
  static constexpr int kNeighbours = 8;

  NeighboursView(Word2VecSelection& selection, WordVectorsCache& vectors);
  std::string title() const override { return "Nearest neighbours"; }
  void draw(ViewContext& context, ImVec2 size) override;

 private:
  Word2VecSelection& m_selection;
  WordVectorsCache& m_vectors;
  CosineBars m_bars;
  train::SnapshotPtr m_shown;  // what the bars show: snapshot, query and width, palette
  std::string m_shownKey;
  ui::Palette m_shownPalette;
  std::string m_typed;  // the field's text, copied to the selection when it names a word
};

}  // namespace genlab::views
