#pragma once
// The word2vec lessons' part of the lab: their views and the side panel (step buttons of 1, 20,
// 100 and 500 updates as wevi has them, the live settings alpha, negative, window and updates
// per step, the projection).

#include <memory>
#include <vector>

#include "ui/views/curve_view.h"
#include "ui/views/view.h"
#include "ui/views/word2vec/analogy_view.h"
#include "ui/views/word2vec/embedding_view.h"
#include "ui/views/word2vec/matrices_view.h"
#include "ui/views/word2vec/neighbours_view.h"
#include "ui/views/word2vec/one_update_view.h"
#include "ui/views/word2vec/word2vec_shared.h"

namespace genlab::views {

class Word2VecUi final : public ModelUi {
 public:
  // The lesson's "views", in its order: "one_update", "matrices", "embedding", "neighbours",
  // "analogy", "loss", "similarity" (the embedding when it names none of them).
  explicit Word2VecUi(const lesson::Lesson& lesson);
  std::vector<View*> views() override { return m_order; }
  void drawControls(ViewContext& context) override;
  // "word": the neighbours' query; "analogy": [a, b, c]; "projection": "pca" | "tsne".
  void applyDisplayOption(const std::string& key, const nlohmann::json& value) override;

 private:
  Word2VecSelection m_selection;
  WordVectorsCache m_vectors;
  std::vector<std::unique_ptr<View>> m_views;
  std::vector<View*> m_order;
};

}  // namespace genlab::views
