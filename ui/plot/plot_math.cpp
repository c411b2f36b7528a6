#include "ui/plot/plot_math.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

namespace genlab::plot {

DataRect DataRect::united(const DataRect& o) const {
  if (!(xMin <= xMax && yMin <= yMax)) return o;
  if (!(o.xMin <= o.xMax && o.yMin <= o.yMax)) return *this;
  return {std::min(xMin, o.xMin), std::max(xMax, o.xMax), std::min(yMin, o.yMin),
          std::max(yMax, o.yMax)};
}

DataRect emptyBounds() {
  constexpr double inf = std::numeric_limits<double>::infinity();
  return {inf, -inf, inf, -inf};
}

void include(DataRect& r, Vec2 p) {
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
  r.xMin = std::min(r.xMin, p.x);
  r.xMax = std::max(r.xMax, p.x);
  r.yMin = std::min(r.yMin, p.y);
  r.yMax = std::max(r.yMax, p.y);
}

Vec2 ViewTransform::toPixel(Vec2 d) const {
  return {pixels.left + (d.x - data.xMin) / data.width() * pixels.width,
          pixels.top + (data.yMax - d.y) / data.height() * pixels.height};
}

Vec2 ViewTransform::toData(Vec2 p) const {
  return {data.xMin + (p.x - pixels.left) / pixels.width * data.width(),
          data.yMax - (p.y - pixels.top) / pixels.height * data.height()};
}

DataRect zoomAround(const ViewTransform& view, Vec2 pixel, double factor) {
  // The fixed point f = toData(pixel) keeps its relative position inside the rect.
  const Vec2 f = view.toData(pixel);
  const DataRect& d = view.data;
  return {f.x - (f.x - d.xMin) / factor, f.x + (d.xMax - f.x) / factor,
          f.y - (f.y - d.yMin) / factor, f.y + (d.yMax - f.y) / factor};
}

DataRect pan(const ViewTransform& view, Vec2 pixelDelta) {
  // Dragging right by dx pixels shows data further left: the rect moves by -dx in data units;
  // pixel y is down, data y is up, so a downward drag moves the rect up.
  const double dx = pixelDelta.x / view.pixelsPerUnitX();
  const double dy = pixelDelta.y / view.pixelsPerUnitY();
  const DataRect& d = view.data;
  return {d.xMin - dx, d.xMax - dx, d.yMin + dy, d.yMax + dy};
}

namespace {

// A span for a degenerate extent centred on c.
double fallbackSpan(double c) {
  return c == 0.0 ? 1.0 : std::abs(c) * 0.2;
}

}  // namespace

DataRect fitWithMargin(const DataRect& bounds, double marginFraction) {
  DataRect r = bounds;
  if (!(r.xMin <= r.xMax) || !std::isfinite(r.xMin) || !std::isfinite(r.xMax)) r.xMin = r.xMax = 0;
  if (!(r.yMin <= r.yMax) || !std::isfinite(r.yMin) || !std::isfinite(r.yMax)) r.yMin = r.yMax = 0;
  if (r.xMin == r.xMax) {
    const double h = fallbackSpan(r.xMin) * 0.5;
    r.xMin -= h;
    r.xMax += h;
  }
  if (r.yMin == r.yMax) {
    const double h = fallbackSpan(r.yMin) * 0.5;
    r.yMin -= h;
    r.yMax += h;
  }
  const double mx = r.width() * marginFraction, my = r.height() * marginFraction;
  return {r.xMin - mx, r.xMax + mx, r.yMin - my, r.yMax + my};
}

DataRect equalAspect(const DataRect& data, const PixelRect& pixels) {
  const double sx = pixels.width / data.width();  // px per unit
  const double sy = pixels.height / data.height();
  const Vec2 c = data.center();
  const double s = std::min(sx, sy);  // the tighter axis decides; the other one grows
  const double hw = pixels.width / s * 0.5, hh = pixels.height / s * 0.5;
  return {c.x - hw, c.x + hw, c.y - hh, c.y + hh};
}

namespace {

// Decimal places needed to print multiples of `step` exactly (step = m * 10^k, m in {1,2,5}).
int decimalsFor(double step) {
  const int k = static_cast<int>(std::floor(std::log10(step) + 1e-9));
  return std::max(0, -k);
}

bool useScientific(double value, double step) {
  const double mag = std::max(std::abs(value), step);
  return mag >= 1e6 || step < 1e-4;
}

}  // namespace

std::string formatTick(double value, double step) {
  if (std::abs(value) < step * 1e-6) value = 0.0;  // kills "-0" and 1e-17 residues
  char buf[64];
  if (useScientific(value, step)) {
    // Significant digits: enough to separate neighbours at this step.
    const int digits =
        value == 0.0 ? 1
                     : std::max(1, static_cast<int>(std::floor(std::log10(std::abs(value)))) -
                                       static_cast<int>(std::floor(std::log10(step) + 1e-9)) + 1);
    std::snprintf(buf, sizeof buf, "%.*g", std::min(digits, 15), value);
  } else {
    std::snprintf(buf, sizeof buf, "%.*f", decimalsFor(step), value);
  }
  return buf;
}

std::string formatValue(double value, int significant) {
  if (!std::isfinite(value)) return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", std::max(1, significant), value);
  // Compared as C strings: assigning a literal to the std::string here set off GCC 12's
  // -Wrestrict false positive (PR 105329) in the sanitizer build.
  return std::strcmp(buf, "-0") == 0 ? std::string("0") : std::string(buf);
}

Ticks niceTicks(double lo, double hi, int maxTicks) {
  Ticks t;
  maxTicks = std::max(maxTicks, 2);
  if (!std::isfinite(lo) || !std::isfinite(hi)) return t;
  if (lo > hi) std::swap(lo, hi);
  // A span lost in the values' own rounding (two runs equal but for their last bits) is no
  // range: a step below the spacing of doubles at lo never advances the tick loop, which then
  // filled memory until the process was killed (a DBM lesson beside its twin).
  if (hi - lo <= std::max(std::abs(lo), std::abs(hi)) * 1e-9) {
    const double centre = 0.5 * (lo + hi);
    const double h = fallbackSpan(centre) * 0.5;
    lo = centre - h;
    hi = centre + h;
  }
  const double span = hi - lo;
  // Smallest nice step giving at most maxTicks ticks. The count of multiples of s in [lo, hi]
  // is at most floor(span / s) + 1, so s >= span / (maxTicks - 1) is enough; then try the
  // next smaller nice steps while they still fit (a tick-aligned range can fit one more).
  const double raw = span / static_cast<double>(maxTicks - 1);
  double p = std::pow(10.0, std::floor(std::log10(raw)));
  double step = 0;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * p >= raw * (1 - 1e-12)) {
      step = m * p;
      break;
    }
  }
  auto countFor = [&](double s) {
    return static_cast<long long>(std::floor(hi / s + 1e-9) - std::ceil(lo / s - 1e-9)) + 1;
  };
  // Candidates just below `step` in the 1-2-5 sequence, accepted if they still fit.
  for (int guard = 0; guard < 2; ++guard) {
    const double mant = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    const double smaller = mant < 1.5 ? step / 2.0 : mant < 3.0 ? step / 2.0 : step * 0.4;
    if (countFor(smaller) <= maxTicks)
      step = smaller;
    else
      break;
  }
  t.step = step;
  const double first = std::ceil(lo / step - 1e-9);
  const double last = std::floor(hi / step + 1e-9);
  if (!(last - first <= 4.0 * maxTicks)) return t;  // never, by the widening above
  for (double i = first; i <= last; i += 1.0) {
    // Multiply instead of accumulating so values do not drift.
    double v = i * step;
    if (std::abs(v) < step * 1e-9) v = 0.0;
    t.values.push_back(v);
    t.labels.push_back(formatTick(v, step));
  }
  return t;
}

Ticks decadeTicks(double lo, double hi, int maxTicks) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return {};
  if (lo > hi) std::swap(lo, hi);
  const auto first = static_cast<long long>(std::ceil(lo - 1e-9));
  const auto last = static_cast<long long>(std::floor(hi + 1e-9));
  Ticks t;
  if (last - first < 1) {
    t = niceTicks(lo, hi, maxTicks);
    for (std::size_t i = 0; i < t.values.size(); ++i)
      t.labels[i] = formatValue(std::pow(10.0, t.values[i]), 2);
    return t;
  }
  // The multiples of a 1-2-5 stride of decades, the smallest that fits.
  const auto firstMultiple = [&](long long stride) {
    return static_cast<long long>(
               std::ceil(static_cast<double>(first) / static_cast<double>(stride))) *
           stride;
  };
  const auto count = [&](long long stride) { return (last - firstMultiple(stride)) / stride + 1; };
  long long stride = 1;
  for (long long decade = 1; count(stride) > std::max(maxTicks, 2);) {
    stride = stride == decade ? 2 * decade : stride == 2 * decade ? 5 * decade : (decade *= 10);
  }
  t.step = static_cast<double>(stride);
  for (long long k = firstMultiple(stride); k <= last; k += stride) {
    t.values.push_back(static_cast<double>(k));
    t.labels.push_back(formatValue(std::pow(10.0, static_cast<double>(k))));
  }
  return t;
}

Ticks categoryTicks(const std::vector<std::string>& names, double lo, double hi, int maxTicks) {
  Ticks t;
  if (names.empty() || !std::isfinite(lo) || !std::isfinite(hi)) return t;
  if (lo > hi) std::swap(lo, hi);
  const auto last = static_cast<long long>(names.size()) - 1;
  const long long first = std::max(0LL, static_cast<long long>(std::ceil(lo - 1e-9)));
  const long long end = std::min(last, static_cast<long long>(std::floor(hi + 1e-9)));
  if (first > end) return t;
  // Ticks at the multiples of `stride` in [first, end]; the smallest 1-2-5 stride that fits.
  const auto count = [&](long long stride) {
    return end / stride - (first + stride - 1) / stride + 1;
  };
  long long stride = 1;
  for (long long decade = 1; count(stride) > std::max(maxTicks, 1);) {
    stride = stride == decade ? 2 * decade : stride == 2 * decade ? 5 * decade : (decade *= 10);
  }
  t.step = static_cast<double>(stride);
  for (long long i = (first + stride - 1) / stride * stride; i <= end; i += stride) {
    t.values.push_back(static_cast<double>(i));
    t.labels.push_back(names[static_cast<std::size_t>(i)]);
  }
  return t;
}

bool viewShouldRefit(const DataRect& view, const DataRect& data) {
  if (!view.valid()) return true;
  const bool inside = data.xMin >= view.xMin && data.xMax <= view.xMax && data.yMin >= view.yMin &&
                      data.yMax <= view.yMax;
  if (!inside) return true;
  constexpr double kSmallArea = 0.25;
  return data.width() * data.height() < kSmallArea * view.width() * view.height();
}

}  // namespace genlab::plot
