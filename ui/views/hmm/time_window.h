#pragma once
// The stretch of a long sequence the trellis shows. Time is measured in columns: column t
// occupies [t, t + 1), so the window [begin, end) may cut columns at its edges while panning.
// Invariant after clamp(): 0 <= begin < end <= T and end - begin >= min(T, kMinColumns).

#include <algorithm>
#include <cmath>

#include "core/models/hmm/hmm_model.h"

namespace genlab::views::hmmui {

struct TimeWindow {
  static constexpr double kMinColumns = 3.0;

  double begin = 0.0;
  double end = 1.0;

  double width() const { return end - begin; }
  // Columns at least partly inside the window: [first, last).
  hmm::Index first() const { return static_cast<hmm::Index>(std::floor(begin)); }
  hmm::Index last() const { return static_cast<hmm::Index>(std::ceil(end)); }

  void clamp(hmm::Index T) {
    const double total = static_cast<double>(std::max<hmm::Index>(T, 1));
    double w = std::clamp(width(), std::min(total, kMinColumns), total);
    if (!std::isfinite(w)) w = total;
    begin = std::clamp(begin, 0.0, total - w);
    end = begin + w;
  }
  // Zooms by `factor` (> 1 shows fewer columns) keeping time `anchor` where it is on screen.
  void zoom(double factor, double anchor, hmm::Index T) {
    const double f = 1.0 / factor;
    begin = anchor - (anchor - begin) * f;
    end = anchor + (end - anchor) * f;
    clamp(T);
  }
  void shift(double columns, hmm::Index T) {
    begin += columns;
    end += columns;
    clamp(T);
  }
  // Scrolls the least amount that brings column t fully into view.
  void reveal(hmm::Index t, hmm::Index T) {
    const double tt = static_cast<double>(t);
    if (tt < begin) shift(tt - begin, T);
    if (tt + 1.0 > end) shift(tt + 1.0 - end, T);
  }
  friend bool operator==(const TimeWindow&, const TimeWindow&) = default;
};

}  // namespace genlab::views::hmmui
