#pragma once
// The HMM lesson's main picture: the trellis (trellis_painter.h) of the snapshot's sequence,
// with the teaching step-through (trellis_teaching.h) drawn in the same place when active.
//
// Mouse: the wheel zooms along time around the cursor, a left drag scrolls, a double-click
// shows the whole sequence again; hovering a node shows its posteriors and the transition
// posteriors xi to the next column. The picture is repainted only when the snapshot, the time
// window, the hovered column, the options, the step-through or the size changed.

#include <string>
#include <vector>

#include "core/models/hmm/hmm_trainer.h"
#include "ui/views/hmm/hmm_labels.h"
#include "ui/views/hmm/pixel_canvas.h"
#include "ui/views/hmm/time_window.h"
#include "ui/views/hmm/trellis_painter.h"
#include "ui/views/hmm/trellis_teaching.h"
#include "ui/views/view.h"

namespace genlab::views {

enum class TrellisFill { Gamma, Alpha, Beta };

struct TrellisOptions {
  TrellisFill fill = TrellisFill::Gamma;
  bool path = true;   // the Viterbi path
  bool truth = true;  // the true path, when the data was sampled
  bool flow = true;   // edges with widths following xi
  friend bool operator==(const TrellisOptions&, const TrellisOptions&) = default;
};

class HmmTrellisView final : public View {
 public:
  // Display names from the lesson (either may be empty: "state 1", symbol ids).
  HmmTrellisView(std::vector<std::string> stateNames, std::vector<std::string> alphabet);
  std::string title() const override { return "Trellis: hidden states over time"; }
  void draw(ViewContext& context, ImVec2 size) override;

  TrellisOptions options;
  hmmui::TrellisTeaching teaching;

  // For the controls and tests.
  const hmmui::HmmLabels& labels() const { return m_labels; }
  hmmui::TimeWindow& window() { return m_window; }
  const hmmui::TrellisStats& lastStats() const { return m_stats; }
  hmmui::PixelCanvas& canvas() { return m_canvas; }

  // Paints the trellis of `snapshot` into the canvas at its current size without ImGui (tests,
  // export). Returns the geometry used.
  hmmui::TrellisGeometry paint(const hmm::HmmSnapshot& snapshot, const ui::Style& style);

 private:
  void refreshSnapshot(const train::SnapshotPtr& snapshot, const hmm::HmmSnapshot& hmm);
  hmmui::TrellisData describe(const hmm::HmmSnapshot& snapshot) const;
  void handleInput(const hmmui::PixelInput& in, const hmmui::TrellisGeometry& geometry,
                   hmm::Index T, const ui::Style& style);
  void drawTooltip(const hmm::HmmSnapshot& snapshot) const;

  std::vector<std::string> m_stateNames, m_alphabet;
  hmmui::PixelCanvas m_canvas;
  hmmui::TimeWindow m_window;
  bool m_windowSet = false;
  hmm::Index m_hoverColumn = -1;
  int m_hoverRow = -1;

  // Derived from the snapshot shown, recomputed when it changes.
  train::SnapshotPtr m_shown;
  hmmui::HmmLabels m_labels;
  double m_valueMin = 0, m_valueMax = 1;

  // What the framebuffer shows, to repaint only on change.
  struct Painted {
    train::SnapshotPtr snapshot;
    hmmui::TimeWindow window;
    int width = 0, height = 0;
    ui::Style style;
    TrellisOptions options;
    hmm::Index hover = -1;
    std::uint64_t teaching = 0;
    friend bool operator==(const Painted&, const Painted&) = default;
  } m_painted;
  hmmui::TrellisStats m_stats;
};

}  // namespace genlab::views
