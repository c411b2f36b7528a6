#pragma once
// The HMM's parameters as heatmap matrices a student can edit: the start distribution pi, the
// transition matrix A (row: from, column: to) and the emission matrix B (row: state, column:
// symbol), or for Gaussian emissions each state's mean and variance. Cells are shaded in their
// row's state colour by value and show the number.
//
// Drag a cell up or down to change it: for a probability the rest of its row rescales so the
// row still sums to 1 (withEntry), and the edit goes to the trainer at once, while Baum-Welch
// runs or paused, so the trellis follows. Editing is off while looking at the past.

#include <optional>
#include <vector>

#include "core/models/hmm/hmm_trainer.h"
#include "ui/views/hmm/hmm_labels.h"
#include "ui/views/hmm/param_edit.h"
#include "ui/views/hmm/pixel_canvas.h"
#include "ui/views/view.h"

namespace genlab::views {

class HmmParamsView final : public View {
 public:
  HmmParamsView(std::vector<std::string> stateNames, std::vector<std::string> alphabet);
  std::string title() const override { return "Parameters: drag a cell to edit"; }
  void draw(ViewContext& context, ImVec2 size) override;
  // Overlaid (compare mode, two runs of one shape): the difference run A minus run B of every
  // parameter, after matching run B's states to run A's (EM may name the same state
  // differently), shaded in the colour of the run whose value is larger.
  bool canOverlay() const override { return true; }

  enum class Block { Start, Transition, Emission, Mean, Variance };
  struct Cell {
    Block block;
    int row = 0, col = 0;
    plot::PixelRect rect;
  };
  // Lays out and paints `model` into the canvas at its current size (also for tests); returns
  // the cells drawn, for hit tests.
  // With `difference`, `model` holds differences and cells are shaded towards the first
  // colour where positive and the second where negative.
  struct DifferenceColors {
    gl::Color positive, negative;
  };
  const std::vector<Cell>& paint(const hmm::HmmModel& model, const hmmui::HmmLabels& labels,
                                 const ui::Style& style,
                                 std::optional<DifferenceColors> difference = std::nullopt);
  hmmui::PixelCanvas& canvas() { return m_canvas; }

 private:
  void handleInput(const hmmui::PixelInput& in, ViewContext& context, const hmm::HmmModel& model,
                   double valueSpan);
  void drawTooltip(const hmm::HmmModel& model) const;
  void drawDifference(ViewContext& context, ImVec2 size);

  std::vector<std::string> m_stateNames, m_alphabet;
  hmmui::PixelCanvas m_canvas;
  std::vector<Cell> m_cells;
  int m_hovered = -1;  // index into m_cells

  struct Drag {
    Cell cell;
    double startY = 0;
    hmm::HmmModel start;
  };
  std::optional<Drag> m_drag;
  std::optional<hmm::HmmModel> m_override;  // the edited model, shown until the trainer has it
  train::SnapshotPtr m_settledAt;           // snapshot seen when the last edit was applied
  hmmui::CoalescedEdits m_edits;
  std::uint64_t m_overrideRevision = 0;

  train::SnapshotPtr m_shown;
  hmmui::HmmLabels m_labels;
  double m_valueSpan = 1.0;
  struct Painted {
    train::SnapshotPtr snapshot;
    int width = 0, height = 0;
    ui::Style style;
    int hovered = -1;
    std::uint64_t overrideRevision = 0;
    friend bool operator==(const Painted&, const Painted&) = default;
  } m_painted;
  std::vector<train::SnapshotPtr> m_differenceOf;  // the overlaid snapshots last painted
};

// The permutation p of run B's states that best matches run A's (minimising the summed absolute
// differences of transition and emission parameters over all K! orderings; K <= 8), so that
// state p[i] of B is compared with state i of A.
std::vector<int> matchStates(const hmm::HmmModel& a, const hmm::HmmModel& b);

// a - b with b's states reordered by `order` (matchStates); the same shape as `a`.
hmm::HmmModel modelDifference(const hmm::HmmModel& a, const hmm::HmmModel& b,
                              const std::vector<int>& order);

}  // namespace genlab::views
