#pragma once
// Pure geometry for plots: no GL. Data space has y up; pixel space is the framebuffer with the
// origin at the top-left and y down (as ImGui mouse coordinates and image rows are).

#include <string>
#include <vector>

namespace genlab::plot {

struct Vec2 {
  double x = 0, y = 0;
  friend Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
  friend Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
  friend Vec2 operator*(Vec2 a, double s) { return {a.x * s, a.y * s}; }
  friend bool operator==(const Vec2&, const Vec2&) = default;
};

// Axis-aligned rectangle in data units. Valid when xMin < xMax and yMin < yMax.
struct DataRect {
  double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
  double width() const { return xMax - xMin; }
  double height() const { return yMax - yMin; }
  Vec2 center() const { return {(xMin + xMax) * 0.5, (yMin + yMax) * 0.5}; }
  bool contains(Vec2 p) const { return p.x >= xMin && p.x <= xMax && p.y >= yMin && p.y <= yMax; }
  bool valid() const { return xMin < xMax && yMin < yMax; }
  // Smallest rect containing both; an invalid rect acts as empty.
  DataRect united(const DataRect& o) const;
  friend bool operator==(const DataRect&, const DataRect&) = default;
};

// Whether a view fitted to some data should fit itself again to data now spanning `data`: when
// part of the data lies outside the view, or the data has shrunk into a corner (its bounding
// box under a quarter of the view's area). Points added by hand inside the view keep it.
bool viewShouldRefit(const DataRect& view, const DataRect& data);

// An empty bounds accumulator: united() with it returns the other rect.
DataRect emptyBounds();
// Grows `r` to contain p (start from emptyBounds()). NaN and infinite points are ignored.
void include(DataRect& r, Vec2 p);

// Rectangle in framebuffer pixels, y down.
struct PixelRect {
  double left = 0, top = 0, width = 1, height = 1;
  double right() const { return left + width; }
  double bottom() const { return top + height; }
  bool contains(Vec2 p) const {
    return p.x >= left && p.x <= right() && p.y >= top && p.y <= bottom();
  }
  friend bool operator==(const PixelRect&, const PixelRect&) = default;
};

// Maps the data rect onto the pixel rect: xMin -> left, xMax -> right, yMax -> top,
// yMin -> bottom.
struct ViewTransform {
  DataRect data;
  PixelRect pixels;

  Vec2 toPixel(Vec2 d) const;
  Vec2 toData(Vec2 p) const;
  double pixelsPerUnitX() const { return pixels.width / data.width(); }
  double pixelsPerUnitY() const { return pixels.height / data.height(); }
};

// Zooms by `factor` (> 1 zooms in) keeping the data point under `pixel` where it is.
DataRect zoomAround(const ViewTransform& view, Vec2 pixel, double factor);
// Data rect after dragging the content by `pixelDelta` (the content follows the mouse).
DataRect pan(const ViewTransform& view, Vec2 pixelDelta);
// `bounds` grown by `marginFraction` of its size on every side; zero-size or invalid extents
// get a unit-sized (or value-proportional) span so the result is always valid.
DataRect fitWithMargin(const DataRect& bounds, double marginFraction);
// Grows the shorter side of `data` about its centre so one data unit has the same pixel length
// on both axes in `pixels` (circles stay round).
DataRect equalAspect(const DataRect& data, const PixelRect& pixels);

struct Ticks {
  double step = 0;             // 1, 2 or 5 times a power of ten
  std::vector<double> values;  // ascending, all within [lo, hi] (up to rounding)
  std::vector<std::string> labels;
};

// Ticks at multiples of a "nice" step (1, 2 or 5 x 10^k) inside [lo, hi], at most maxTicks of
// them (maxTicks >= 2) and as many as the bound allows with the largest such step. Labels use
// just enough decimals for the step ("0.3", not "0.30000000000000004"), "0" never prints as
// "-0", and very large or small magnitudes switch to scientific notation ("1e+06", "2.5e-05").
Ticks niceTicks(double lo, double hi, int maxTicks);

// Ticks for a categorical axis (bars, components): category i, named names[i], sits at value i,
// and ticks fall only on categories inside [lo, hi], never between two. When more than
// maxTicks (>= 1) would show, every 2nd, 5th, 10th, 20th ... category is ticked instead (step
// is that stride), always from the first category shown whose index is a multiple of it.
Ticks categoryTicks(const std::vector<std::string>& names, double lo, double hi, int maxTicks);

// Ticks for a log-scale axis whose data are log10 of the values: at whole decades inside
// [lo, hi] (every 2nd, 5th, ... when more than maxTicks would show), labelled with the value
// ("0.01", "1", "100"). Spans holding fewer than two decades get niceTicks on the exponent,
// still labelled with 10^exponent.
Ticks decadeTicks(double lo, double hi, int maxTicks);

// Formats one value with the decimals a step of `step` needs (the label rule niceTicks uses).
std::string formatTick(double value, double step);
// Formats a readout value (hover) with `significant` significant digits, no trailing noise.
std::string formatValue(double value, int significant = 4);

}  // namespace genlab::plot
