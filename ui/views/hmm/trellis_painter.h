#pragma once
// The trellis picture: states as rows, time as columns, an observation strip above and a time
// axis below. Pure drawing into a PixelCanvas from a TrellisData; the view decides what the data
// is (the snapshot's posteriors, or a step-through in progress) and when to repaint.
//
// Only the columns inside the time window are drawn, and when there are more of them than
// pixels, every stride-th one (stride = ceil(columns / pixels)), so a picture of a T = 1e5
// sequence costs what a picture of its visible part costs: at most about one column per pixel.
//
// Level of detail, by the width of a column (all thresholds in the style's font size, so
// presentation mode changes them consistently):
//   wide    discs with rings, probabilities written inside, transition edges between columns
//   medium  discs, edges
//   narrow  filled cells (a heatmap), the paths as lines over them

#include <string>
#include <vector>

#include "core/models/hmm/hmm_model.h"
#include "core/models/hmm/observations.h"
#include "ui/views/hmm/hmm_labels.h"
#include "ui/views/hmm/pixel_canvas.h"
#include "ui/views/hmm/time_window.h"

namespace genlab::views::hmmui {

// What one trellis picture shows. The pointers must stay valid during paintTrellis.
struct TrellisData {
  hmm::Index T = 0;
  int K = 0;
  const hmm::RowMatrix* fill = nullptr;            // T x K node shading in [0, 1]
  hmm::Index filledColumns = 0;                    // rows >= this are drawn as empty nodes
  std::string fillName;                            // what the shading is, for the legend
  const std::vector<int>* path = nullptr;          // decoded path; -1 where not (yet) known
  const std::vector<int>* truth = nullptr;         // true path in model state ids; empty: unknown
  const hmm::IndexMatrix* backPointers = nullptr;  // Viterbi step-through: psi...
  hmm::Index backPointerColumns = 0;               // ...valid for t < this
  const hmm::Observations* observations = nullptr;
  const hmm::HmmModel* model = nullptr;
  const HmmLabels* labels = nullptr;
  // Both set: transition edges t -> t+1 drawn with widths following xi (the posterior flow).
  const hmm::RowMatrix* alpha = nullptr;
  const hmm::RowMatrix* beta = nullptr;
  double valueMin = 0.0, valueMax = 1.0;  // Gaussian strip: range of component 0 over all t
  hmm::Index cursor = -1;                 // column being computed in a step-through
  hmm::Index hoverColumn = -1;
};

// Where the parts of the picture are, in framebuffer pixels; also maps the mouse.
struct TrellisGeometry {
  plot::PixelRect rows;   // the K state rows
  plot::PixelRect strip;  // the observations
  double errorsTop = 0;   // the strip marking t where the decoded path misses the truth
  TimeWindow window;
  double columnWidth = 1;
  double rowHeight = 1;

  double xOf(double time) const { return rows.left + (time - window.begin) * columnWidth; }
  double timeAt(double px) const { return window.begin + (px - rows.left) / columnWidth; }
  // Centre of display row r (see displayRow for the row of a model state).
  double rowCenter(int r) const { return rows.top + (r + 0.5) * rowHeight; }
  // The display row under py; -1 outside the rows.
  int rowAt(double py) const;
};

struct TrellisStats {
  hmm::Index columns = 0;  // columns drawn
  hmm::Index nodes = 0;    // nodes (discs or cells) drawn
  hmm::Index stride = 1;
  bool discs = false;
};

TrellisGeometry layoutTrellis(const TrellisData& data, const TimeWindow& window, int width,
                              int height, const ui::Style& style);
TrellisStats paintTrellis(PixelCanvas& canvas, const TrellisData& data,
                          const TrellisGeometry& geometry, const ui::Style& style);

// The default window for a sequence of T steps on a plot `pixels` wide: all of it when the
// columns stay wide enough to see runs, else the first columns at a readable width.
TimeWindow initialWindow(hmm::Index T, double pixels, const ui::Style& style);

}  // namespace genlab::views::hmmui
