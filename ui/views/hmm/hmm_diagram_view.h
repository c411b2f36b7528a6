#pragma once
// The state diagram: one disc per hidden state, an arrow for every transition i -> j (a loop for
// i -> i) whose width follows A(i, j) and that is labelled with it, and each state's start
// probability under its name. It follows the live model, including edits made in the
// parameter matrices.

#include "core/models/hmm/hmm_trainer.h"
#include "ui/views/hmm/hmm_labels.h"
#include "ui/views/hmm/pixel_canvas.h"
#include "ui/views/view.h"

namespace genlab::views {

class HmmDiagramView final : public View {
 public:
  HmmDiagramView(std::vector<std::string> stateNames, std::vector<std::string> alphabet);
  std::string title() const override { return "State diagram"; }
  void draw(ViewContext& context, ImVec2 size) override;

  // Paints into the canvas at its current size (also for tests). Returns the node centres.
  std::vector<plot::Vec2> paint(const hmm::HmmModel& model, const hmmui::HmmLabels& labels,
                                const ui::Style& style);
  hmmui::PixelCanvas& canvas() { return m_canvas; }

 private:
  std::vector<std::string> m_stateNames, m_alphabet;
  hmmui::PixelCanvas m_canvas;
  train::SnapshotPtr m_shown;
  hmmui::HmmLabels m_labels;
  int m_width = 0, m_height = 0;
  ui::Style m_style;
};

}  // namespace genlab::views
