#pragma once
// What the person chose in compare mode: which view sits side by side, which metric the
// overlaid chart shows and how, and the settings table's toggle. Plain data, kept while runs
// come and go; the panels clamp indices to what is open.

#include <string>

#include "ui/views/compare_curves.h"
#include "ui/views/image_tiles.h"

namespace genlab::lab {

struct CompareState {
  int viewIndex = 0;        // into the lesson's views: the one laid out once per run
  bool showCurves = false;  // where the chart and the pictures take turns: the chart's turn
  int metricIndex = 0;      // into the first run's metric columns
  float smoothing = 0.6f;   // EMA weight; 0 shows the raw curves
  bool wallTime = false;
  int baseline = -1;  // run index, or -1 for none
  bool showAllSettings = false;
  bool overlay = false;     // one picture with every run drawn in (views that can overlay)
  bool swipe = false;       // two runs' pictures stacked, a divider reveals one or the other
  bool difference = false;  // two runs' image grids and |A - B| beside them
  views::ImageTiles differenceTiles;  // the |A - B| picture (its texture is made on first use)
  float swipeAt = 0.5f;               // the divider, as a fraction of the picture's width
  bool draggingSwipe = false;
  char duplicateKey[64] = "";    // "Duplicate with a change": the setting
  char duplicateValue[64] = "";  // and its new value, as typed
  views::CompareCurves curves;
};

}  // namespace genlab::lab
