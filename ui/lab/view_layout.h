#pragma once
// Where a lesson's views go in the lab's views area (pure geometry, so it is tested without a
// window). The main view takes the left 60%, and as many of the others as fit at a readable size
// stack in the right 40%. Views that do not fit are not squeezed: a strip of tabs above the
// views names every view, and a click (or a number key) makes one the main view.
//
// Invariants: every shown view is at least `minimum` in both directions unless the area itself
// is smaller (then the main view alone fills it); each view index appears at most once; the
// main view is always shown; the strip is there exactly when some view is not shown.

#include <cstddef>
#include <vector>

namespace genlab::lab {

struct LayoutRect {
  float x = 0, y = 0, width = 0, height = 0;
};

struct ViewSlot {
  std::size_t view = 0;  // index into the lesson's views
  LayoutRect rect;
};

struct ViewArrangement {
  std::vector<ViewSlot> slots;  // the main view first, then the right column top to bottom
  bool strip = false;           // some views are hidden: show the tab strip
  LayoutRect stripRect;
};

struct ViewLayoutLimits {
  float minWidth = 300, minHeight = 200;  // the smallest readable view
  std::size_t maxShown = 8;               // presentation mode shows fewer, larger views
  float stripHeight = 30;
  float mainFraction = 0.6f;  // of the width, when other views sit beside the main one
};

// `mainView` is clamped to the views there are.
ViewArrangement arrangeViews(const LayoutRect& area, std::size_t viewCount, std::size_t mainView,
                             const ViewLayoutLimits& limits);

// Compare mode: one picture per run (2 to 4, in up to two columns), the overlaid curves chart,
// and, where there is room, the table of settings that differ. The first of these that gives
// every panel a readable size is used: pictures above, chart and table below (roomy windows);
// pictures left, chart right; pictures in one column, chart right; pictures alone, with the
// chart behind a "Curves" tab (a projector at 1024 x 768). Pictures alone is also the fallback.
struct CompareArrangement {
  std::vector<LayoutRect> pictures;  // one per run; empty when the chart is shown instead
  bool chart = false;
  LayoutRect chartRect;
  bool table = false;
  LayoutRect tableRect;
  bool strip = false;  // the chart and the pictures take turns behind a strip of tabs
  LayoutRect stripRect;
};

// `runs`: pictures to lay out (0 when the runs train different models: the chart alone);
// `roomyTable`: whether a settings table is wanted (not on a projector); `showChart`: with the
// strip, whether its chart tab is the one chosen.
CompareArrangement arrangeCompare(const LayoutRect& area, std::size_t runs, bool roomyTable,
                                  bool showChart, const ViewLayoutLimits& limits);

}  // namespace genlab::lab
