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
  float minWidth = 320, minHeight = 220;  // the smallest readable view
  std::size_t maxShown = 8;               // presentation mode shows fewer, larger views
  float stripHeight = 30;
  float mainFraction = 0.6f;  // of the width, when other views sit beside the main one
};

// `mainView` is clamped to the views there are.
ViewArrangement arrangeViews(const LayoutRect& area, std::size_t viewCount, std::size_t mainView,
                             const ViewLayoutLimits& limits);

}  // namespace genlab::lab
