#pragma once
// The char-RNN lesson's part of the lab: its views and the side panel (temperature, cell,
// layers, hidden size, learning rate, dropout, clipping, evaluation).
//
// Lesson "views" names, in the lesson's order (the first is the main picture):
//   "sample"        the streamed sample with the top-5 guesses under each character
//   "bits"          curves: bits per character, training and held-out, with the unigram and
//                   bigram baselines of the held-out text as flat lines
//   "states"        the last layer's state over a passage, units sorted by variance
//   "connectivity"  the gradient of one prediction with respect to each earlier character
// The sample is always shown, first unless the lesson places it. Lesson "display" options:
// "guesses": true or false (the top-5 rows under the sample; default true).

#include <memory>

#include "ui/views/charrnn/charrnn_views.h"
#include "ui/views/view.h"

namespace genlab::views {

class CharRnnUi final : public ModelUi {
 public:
  explicit CharRnnUi(const lesson::Lesson& lesson);
  std::vector<View*> views() override { return m_order; }
  void drawControls(ViewContext& context) override;
  void applyDisplayOption(const std::string& key, const nlohmann::json& value) override;

 private:
  bool m_showGuesses = true;
  std::vector<std::unique_ptr<View>> m_owned;
  std::vector<View*> m_order;
  float m_temperature = -1.0f;  // slider state; -1 until read from the snapshot
};

}  // namespace genlab::views
