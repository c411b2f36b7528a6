#pragma once
// The analogy box: a - b + c (king - man + woman), answered as gensim's most_similar does
// (KeyedVectors::analogy: the words nearest unit(a) - unit(b) + unit(c), the three left out),
// as bars, live while training.

#include "ui/views/view.h"
#include "ui/views/word2vec/cosine_bars.h"
#include "ui/views/word2vec/word2vec_shared.h"

namespace genlab::views {

class AnalogyView final : public View {
 public:
  static constexpr int kAnswers = 6;

  AnalogyView(Word2VecSelection& selection, WordVectorsCache& vectors);
  std::string title() const override { return "Analogy a - b + c"; }
  void draw(ViewContext& context, ImVec2 size) override;

 private:
  Word2VecSelection& m_selection;
  WordVectorsCache& m_vectors;
  CosineBars m_bars;
  train::SnapshotPtr m_shown;  // what the bars show: snapshot, query and width, palette
  std::string m_shownKey;
  ui::Palette m_shownPalette;
};

}  // namespace genlab::views
