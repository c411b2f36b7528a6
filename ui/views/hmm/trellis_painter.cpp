#include "ui/views/hmm/trellis_painter.h"

#include <algorithm>
#include <cmath>

#include "ui/gl/shared_resources.h"
#include "ui/views/hmm/posterior_flow.h"

namespace genlab::views::hmmui {
namespace {

using gl::HAlign;
using gl::VAlign;
using hmm::Index;
using plot::Vec2;

struct Fonts {
  const gl::Font& regular;
  const gl::Font& bold;
  const gl::Font& small;
};

Fonts fontsFor(const ui::Style& style) {
  return {gl::sharedFont(gl::FontFace::Regular, style.fontPx),
          gl::sharedFont(gl::FontFace::Bold, style.fontPx),
          gl::sharedFont(gl::FontFace::Regular, std::round(style.fontPx * 0.8f))};
}

// Discs need room for a readable node; below this the trellis is drawn as a heatmap.
bool useDiscs(const TrellisGeometry& g, const ui::Style& style) {
  return g.columnWidth >= 1.1 * style.fontPx && g.rowHeight >= 1.2 * style.fontPx;
}

double discRadius(const TrellisGeometry& g, const ui::Style& style) {
  return std::min({g.columnWidth * 0.36, g.rowHeight * 0.3, 2.6 * style.fontPx});
}

std::string observationText(const TrellisData& d, Index t) {
  const auto& obs = *d.observations;
  if (obs.kind == hmm::EmissionKind::Discrete) {
    const int s = obs.symbols[static_cast<std::size_t>(t)];
    const auto& names = d.labels->symbols;
    return s >= 0 && static_cast<std::size_t>(s) < names.size() ? names[static_cast<std::size_t>(s)]
                                                                : std::to_string(s);
  }
  return plot::formatValue(obs.values(t, 0), 3);
}

// One line of keys above the strip; keys that do not fit the width are left out, least
// important (the shading) first.
void drawLegend(PixelCanvas& c, const TrellisData& d, const Fonts& f, const ui::Style& style,
                double x, double y, double right, bool flowShown) {
  const ui::Palette& pal = style.palette;
  const double swatch = style.fontPx * 1.4;
  const double gap = style.fontPx * 0.4;
  const double cy = y + f.regular.lineHeight() * 0.5;
  enum class Key { Path, Truth, Flow, Shade };
  std::vector<std::pair<Key, std::string>> keys;
  if (d.path) keys.emplace_back(Key::Path, d.backPointers ? "Viterbi back-trace" : "Viterbi path");
  if (d.truth && !d.truth->empty()) keys.emplace_back(Key::Truth, "true state");
  if (d.alpha && d.beta && flowShown) keys.emplace_back(Key::Flow, "\xCE\xBE flow");
  if (!d.fillName.empty()) keys.emplace_back(Key::Shade, "shade: " + d.fillName);
  const double r = style.fontPx * 0.45;
  auto widthOf = [&](const std::pair<Key, std::string>& key) {
    return (key.first == Key::Shade ? 4.2 * r : swatch) + gap + f.regular.measure(key.second) +
           style.fontPx * 1.2;
  };
  double total = 0;
  for (const auto& key : keys) total += widthOf(key);
  while (!keys.empty() && x + total - style.fontPx * 1.2 > right) {
    total -= widthOf(keys.back());
    keys.pop_back();
  }
  for (const auto& [key, text] : keys) {
    switch (key) {
      case Key::Path:
        c.shapes().addLine({x, cy}, {x + swatch, cy}, style.lineWidthPx * 1.5, pal.foreground,
                           false);
        x += swatch + gap;
        break;
      case Key::Truth: {
        const double h = style.fontPx * 0.45;
        c.shapes().addFrame(x, cy - h, x + swatch, cy + h, std::max(1.0f, style.lineWidthPx * 0.6f),
                            mix(pal.foreground, pal.background, 0.35f));
        x += swatch + gap;
        break;
      }
      case Key::Flow:
        c.shapes().addLine({x, cy + 3}, {x + swatch, cy - 3}, style.lineWidthPx,
                           pal.foreground.withAlpha(0.5f), false);
        x += swatch + gap;
        break;
      case Key::Shade: {
        const ui::Color& color = stateColor(*d.labels, pal, 0);
        c.shapes().addDisc({x + r, cy}, r, mix(pal.background, color, 0.25f), 24);
        c.shapes().addDisc({x + 3.2 * r, cy}, r, color, 24);
        x += 4.2 * r + gap;
        break;
      }
    }
    c.text().add(f.regular, text, static_cast<float>(x), static_cast<float>(cy), HAlign::Left,
                 VAlign::Middle, pal.foreground);
    x += f.regular.measure(text) + style.fontPx * 1.2;
  }
}

void drawTimeAxis(PixelCanvas& c, const TrellisGeometry& g, const Fonts& f, const ui::Style& style,
                  double axisY) {
  const ui::Palette& pal = style.palette;
  const double tickLen = 0.35 * style.fontPx;
  const double axisW = std::max(1.0, std::round(style.lineWidthPx * 0.5));
  c.shapes().addRect(g.rows.left, axisY, g.rows.right(), axisY + axisW, pal.foreground);
  // Labels count from 1 (the first roll, the first day), ticks sit on column centres.
  const double lo = g.window.begin + 0.5 + 1.0, hi = g.window.end - 0.5 + 1.0;
  int maxTicks = std::clamp(static_cast<int>(g.rows.width / (style.fontPx * 5.0)), 2, 11);
  plot::Ticks ticks = plot::niceTicks(lo, hi, maxTicks);
  for (std::size_t i = 0; i < ticks.values.size(); ++i) {
    const double v = ticks.values[i];
    if (std::abs(v - std::round(v)) > 1e-9 || v < 1.0) continue;  // whole steps only
    const double px = g.xOf(v - 1.0 + 0.5);
    c.shapes().addLine({px, axisY + axisW}, {px, axisY + axisW + tickLen}, axisW, pal.foreground);
    c.text().add(f.regular, plot::formatTick(v, std::max(1.0, ticks.step)), static_cast<float>(px),
                 static_cast<float>(axisY + axisW + tickLen + 0.3 * style.fontPx), HAlign::Center,
                 VAlign::Top, pal.foreground);
  }
  c.text().add(f.regular, "time t", static_cast<float>(g.rows.left + g.rows.width * 0.5),
               static_cast<float>(c.height() - 0.5 * style.fontPx), HAlign::Center, VAlign::Bottom,
               pal.foreground);
}

void drawObservations(PixelCanvas& c, const TrellisData& d, const TrellisGeometry& g,
                      const Fonts& f, const ui::Style& style, Index first, Index last,
                      Index stride) {
  const ui::Palette& pal = style.palette;
  const auto& obs = *d.observations;
  const plot::PixelRect& s = g.strip;
  c.shapes().addRect(s.left, s.top, s.right(), s.bottom(), mix(pal.background, pal.grid, 0.45f));
  if (obs.kind == hmm::EmissionKind::Discrete) {
    // Symbols as words in the regular font, else the smaller one, else as bars.
    float widest = 0, widestSmall = 0;
    for (const auto& name : d.labels->symbols) {
      widest = std::max(widest, f.regular.measure(name));
      widestSmall = std::max(widestSmall, f.small.measure(name));
    }
    const double room = g.columnWidth - 0.25 * style.fontPx;
    const gl::Font& symbolFont = widest <= room ? f.regular : f.small;
    const bool asText = stride == 1 && widestSmall <= room;
    const double M = std::max<double>(1.0, static_cast<double>(d.labels->symbols.size()));
    for (Index t = first; t < last; t += stride) {
      const double cx = g.xOf(static_cast<double>(t) + 0.5);
      if (asText) {
        c.text().add(symbolFont, observationText(d, t), static_cast<float>(cx),
                     static_cast<float>(s.top + s.height * 0.5), HAlign::Center, VAlign::Middle,
                     pal.foreground);
      } else {
        // Too narrow for text: a bar whose height is the symbol's rank (a six is the tallest).
        const double h = (obs.symbols[static_cast<std::size_t>(t)] + 1.0) / M * s.height * 0.9;
        const double w = std::max(1.0, g.columnWidth * static_cast<double>(stride) * 0.8);
        c.shapes().addRect(cx - w * 0.5, s.bottom() - h, cx + w * 0.5, s.bottom(),
                           pal.foreground.withAlpha(0.6f));
      }
    }
    return;
  }
  // Gaussian: the first component against time, coloured by the decoded state, over the state
  // means as thin lines in their colours.
  const double span = std::max(1e-12, d.valueMax - d.valueMin);
  const double inner = s.height * 0.84, base = s.bottom() - s.height * 0.08;
  auto yOf = [&](double v) { return base - (v - d.valueMin) / span * inner; };
  if (d.model && !d.model->isDiscrete()) {
    for (int k = 0; k < d.K; ++k) {
      const double y = yOf(d.model->means(k, 0));
      if (y >= s.top && y <= s.bottom())
        c.shapes().addLine({s.left, y}, {s.right(), y}, std::max(1.0f, style.lineWidthPx * 0.6f),
                           stateColor(*d.labels, pal, k).withAlpha(0.8f));
    }
  }
  const double r = std::max(1.5, style.pointSizePx * 0.5);
  Vec2 prev{};
  bool havePrev = false;
  for (Index t = first; t < last; t += stride) {
    const Vec2 p{g.xOf(static_cast<double>(t) + 0.5), yOf(obs.values(t, 0))};
    if (havePrev)
      c.shapes().addLine(prev, p, std::max(1.0f, style.lineWidthPx * 0.4f),
                         pal.foreground.withAlpha(0.35f), false);
    const int k = d.path && !d.path->empty() ? (*d.path)[static_cast<std::size_t>(t)] : -1;
    const ui::Color col = k >= 0 ? stateColor(*d.labels, pal, k) : pal.foreground;
    if (g.columnWidth * static_cast<double>(stride) >= 2.5 * r)
      c.shapes().addDisc(p, r, col, 12);
    else
      c.shapes().addRect(p.x - 1, p.y - 1, p.x + 1, p.y + 1, col);
    prev = p;
    havePrev = true;
  }
}

void drawRowLabels(PixelCanvas& c, const TrellisData& d, const TrellisGeometry& g, const Fonts& f,
                   const ui::Style& style) {
  const ui::Palette& pal = style.palette;
  const double right = g.rows.left - 0.6 * style.fontPx;
  const double swatch = style.fontPx * 0.4;
  for (int k = 0; k < d.K; ++k) {
    const double cy = g.rowCenter(displayRow(*d.labels, k));
    const std::string& name = d.labels->states[static_cast<std::size_t>(k)];
    c.text().add(f.bold, name, static_cast<float>(right), static_cast<float>(cy), HAlign::Right,
                 VAlign::Middle, pal.foreground);
    const double sx = right - f.bold.measure(name) - swatch * 1.8;
    c.shapes().addDisc({sx, cy}, swatch, stateColor(*d.labels, pal, k), 20);
  }
  c.text().add(f.regular,
               d.observations->kind == hmm::EmissionKind::Discrete ? "observed" : "observed x",
               static_cast<float>(right), static_cast<float>(g.strip.top + g.strip.height * 0.5),
               HAlign::Right, VAlign::Middle, pal.foreground);
  if (d.truth && !d.truth->empty() && d.path)
    c.text().add(f.small, "errors", static_cast<float>(right),
                 static_cast<float>(g.errorsTop + 0.35 * style.fontPx), HAlign::Right,
                 VAlign::Middle, pal.foreground);
}

// Outlines each run of consecutive columns with the same true state: one box per run, so the
// decoded path's misses show as the line leaving the boxes.
void drawTruth(PixelCanvas& c, const TrellisData& d, const TrellisGeometry& g,
               const ui::Style& style, Index first, Index last) {
  const ui::Palette& pal = style.palette;
  const auto& truth = *d.truth;
  const ui::Color color = mix(pal.foreground, pal.background, 0.35f);
  const double w = std::max(1.0f, style.lineWidthPx * 0.6f);
  const double halfH =
      std::min(g.rowHeight * 0.46,
               useDiscs(g, style) ? discRadius(g, style) + 0.35 * style.fontPx : g.rowHeight);
  Index t = first;
  while (t < last) {
    const int k = truth[static_cast<std::size_t>(t)];
    Index end = t + 1;
    while (end < last && truth[static_cast<std::size_t>(end)] == k) ++end;
    if (k >= 0) {
      const double x0 = std::max(g.rows.left, g.xOf(static_cast<double>(t)) + 1.0);
      const double x1 = std::min(g.rows.right(), g.xOf(static_cast<double>(end)) - 1.0);
      const double cy = g.rowCenter(displayRow(*d.labels, k));
      if (x1 > x0) c.shapes().addFrame(x0, cy - halfH, x1, cy + halfH, w, color);
    }
    t = end;
  }
  // Misses of the decoded path, as marks in their own strip below the rows.
  if (!d.path) return;
  const double h = 0.7 * style.fontPx;
  for (Index u = first; u < last; ++u) {
    const int p = (*d.path)[static_cast<std::size_t>(u)];
    if (p < 0 || p == truth[static_cast<std::size_t>(u)]) continue;
    const double x0 = g.xOf(static_cast<double>(u)), x1 = g.xOf(static_cast<double>(u) + 1.0);
    const double mid = (x0 + x1) * 0.5, half = std::max(1.0, (x1 - x0) * 0.35);
    c.shapes().addRect(std::max(g.rows.left, mid - half), g.errorsTop,
                       std::min(g.rows.right(), mid + half), g.errorsTop + h, pal.foreground);
  }
}

}  // namespace

int TrellisGeometry::rowAt(double py) const {
  if (py < rows.top || py >= rows.bottom()) return -1;
  return static_cast<int>((py - rows.top) / rowHeight);
}

TimeWindow initialWindow(Index T, double pixels, const ui::Style& style) {
  TimeWindow w{0.0, static_cast<double>(std::max<Index>(T, 1))};
  // The whole sequence while every column keeps at least a pixel (runs of states stay visible);
  // longer ones open on their start at three pixels a column (style-scaled), to zoom from.
  const double columns = std::max(12.0, pixels / (0.2 * style.fontPx));
  if (static_cast<double>(T) > pixels) w.end = columns;
  w.clamp(T);
  return w;
}

TrellisGeometry layoutTrellis(const TrellisData& d, const TimeWindow& window, int width, int height,
                              const ui::Style& style) {
  const Fonts f = fontsFor(style);
  const double font = style.fontPx, pad = 0.6 * font, line = f.regular.lineHeight();
  float labelW = f.regular.measure("observed x");
  for (const auto& name : d.labels->states)
    labelW = std::max(labelW, f.bold.measure(name) + 1.2f * style.fontPx);
  const double left = pad + labelW + 0.6 * font;
  const double right = pad + f.regular.measure("0000") * 0.5;
  const double legendH = line + 0.3 * font;
  const double top = pad + legendH;
  const bool gaussian = d.observations->kind == hmm::EmissionKind::Gaussian;
  const double bottomAxis = 0.35 * font + 0.3 * font + line + 0.2 * font + line + 0.5 * font;
  const bool errors = d.truth && !d.truth->empty() && d.path;
  const double errorsH = errors ? 1.2 * font : 0.0;
  const double avail = std::max(1.0, height - top - bottomAxis - errorsH);
  // The rows keep a bold line of height each for their state's name (a Gaussian strip would take
  // it in a short view), so the names never run into one another.
  const double rowsNeed = static_cast<double>(d.K) * f.bold.lineHeight() + 0.5 * font;
  const double stripH =
      gaussian
          ? std::max(1.5 * line, std::min(std::max(3.5 * line, 0.28 * avail), avail - rowsNeed))
          : 1.5 * line;

  TrellisGeometry g;
  g.window = window;
  g.strip = {left, top, std::max(1.0, width - left - right), stripH};
  const double rowsTop = top + stripH + 0.5 * font;
  g.rows = {left, rowsTop, g.strip.width, std::max(1.0, height - rowsTop - bottomAxis - errorsH)};
  g.errorsTop = g.rows.bottom() + 0.25 * font;
  g.columnWidth = g.rows.width / std::max(1e-9, window.width());
  g.rowHeight = g.rows.height / std::max(1, d.K);
  return g;
}

TrellisStats paintTrellis(PixelCanvas& c, const TrellisData& d, const TrellisGeometry& g,
                          const ui::Style& style) {
  const Fonts f = fontsFor(style);
  const ui::Palette& pal = style.palette;
  c.clear();
  TrellisStats stats;
  const Index first = std::clamp<Index>(g.window.first(), 0, d.T);
  const Index last = std::clamp<Index>(g.window.last(), first, d.T);
  // More columns than pixels: draw every stride-th, each as wide as the stride.
  stats.stride = std::max<Index>(1, static_cast<Index>(std::ceil(static_cast<double>(last - first) /
                                                                 std::max(1.0, g.rows.width))));
  const Index stride = stats.stride;
  stats.discs = stride == 1 && useDiscs(g, style);
  const double radius = discRadius(g, style);

  drawLegend(c, d, f, style, g.strip.left - f.regular.measure("observed"), 0.6 * style.fontPx,
             c.width() - 0.6 * style.fontPx, stats.discs);
  // Row bands and the hovered or current column, under everything else.
  for (int k = 0; k < d.K; ++k) {
    if (k % 2 == 1)
      c.shapes().addRect(g.rows.left, g.rows.top + k * g.rowHeight, g.rows.right(),
                         g.rows.top + (k + 1) * g.rowHeight, mix(pal.background, pal.grid, 0.35f));
  }
  auto band = [&](Index t, const ui::Color& color) {
    if (t < first || t >= last) return;
    const double x0 = std::max(g.rows.left, g.xOf(static_cast<double>(t)));
    const double x1 = std::min(g.rows.right(), g.xOf(static_cast<double>(t) + 1.0));
    c.shapes().addRect(x0, g.strip.top, std::max(x0 + 1.0, x1), g.rows.bottom(), color);
  };
  drawObservations(c, d, g, f, style, first, last, stride);
  band(d.hoverColumn, pal.grid.withAlpha(0.7f));
  band(d.cursor, pal.seriesColor(3).withAlpha(0.25f));

  auto center = [&](Index t, int k) {
    return Vec2{g.xOf(static_cast<double>(t) + 0.5), g.rowCenter(displayRow(*d.labels, k))};
  };
  // The columns whose nodes and edges are drawn; one more on each side when discs are drawn,
  // so edges and the path run off the edges of the window instead of stopping short.
  const Index from = stats.discs ? std::max<Index>(0, first - 1) : first;
  const Index to = stats.discs ? std::min<Index>(d.T, last + 1) : last;

  // Edges: the posterior flow xi_t(i, j) (width and opacity follow it), or the back-pointers
  // of a Viterbi step-through. Only with discs: on a heatmap they would be a grey smear.
  if (stats.discs && d.alpha && d.beta && d.model && d.K > 1) {
    for (Index t = from; t + 1 < to; ++t) {
      const hmm::RowMatrix xi = xiFromTables(*d.model, *d.alpha, *d.beta, *d.observations, t);
      for (int i = 0; i < d.K; ++i)
        for (int j = 0; j < d.K; ++j) {
          const float x = static_cast<float>(xi(i, j));
          c.shapes().addLine(center(t, i), center(t + 1, j), style.lineWidthPx * (0.35f + 2.2f * x),
                             pal.foreground.withAlpha(0.12f + 0.5f * x), false);
        }
    }
  } else if (stats.discs && !d.alpha && d.K > 1) {
    // All transitions, faint, so the lattice reads as a trellis in a step-through.
    for (Index t = from; t + 1 < to; ++t)
      for (int i = 0; i < d.K; ++i)
        for (int j = 0; j < d.K; ++j)
          c.shapes().addLine(center(t, i), center(t + 1, j),
                             std::max(1.0f, style.lineWidthPx * 0.4f), pal.grid, false);
  }
  if (d.backPointers) {
    const Index upTo = std::min(to, d.backPointerColumns);
    for (Index t = std::max<Index>(from, 1); t < upTo; t += stride)
      for (int j = 0; j < d.K; ++j) {
        const int i = (*d.backPointers)(t, j);
        c.shapes().addLine(center(t, j), center(t - 1, i), std::max(1.0f, style.lineWidthPx * 0.8f),
                           pal.foreground.withAlpha(0.55f), false);
      }
  }

  // The decoded path, with a halo so it stays visible over dark cells.
  auto drawPath = [&](double width, const ui::Color& color) {
    const auto& path = *d.path;
    for (Index t = from; t + stride < to; t += stride) {
      const int a = path[static_cast<std::size_t>(t)],
                b = path[static_cast<std::size_t>(t + stride)];
      if (a >= 0 && b >= 0)
        c.shapes().addLine(center(t, a), center(t + stride, b), width, color, false);
    }
  };
  if (d.path && !d.path->empty() && stats.discs) {
    drawPath(style.lineWidthPx * 3.2, pal.background.withAlpha(0.9f));
    drawPath(style.lineWidthPx * 1.6, pal.foreground);
  }

  // Nodes.
  for (Index t = from; t < to; t += stride) {
    const bool filled = t < d.filledColumns;
    for (int k = 0; k < d.K; ++k) {
      const double v = filled && d.fill ? std::clamp((*d.fill)(t, k), 0.0, 1.0) : 0.0;
      const ui::Color color =
          mix(pal.background, stateColor(*d.labels, pal, k), static_cast<float>(0.06 + 0.94 * v));
      const Vec2 p = center(t, k);
      ++stats.nodes;
      if (stats.discs) {
        const bool onPath =
            d.path && !d.path->empty() && (*d.path)[static_cast<std::size_t>(t)] == k;
        const double ring =
            onPath ? style.lineWidthPx * 1.3 : std::max(1.0f, style.lineWidthPx * 0.5f);
        c.shapes().addDisc(p, radius + ring,
                           onPath ? pal.foreground : mix(pal.foreground, pal.background, 0.6f), 32);
        c.shapes().addDisc(p, radius, filled ? color : pal.background, 32);
        if (filled && radius >= 0.95 * style.fontPx) {
          const std::string text = plot::formatTick(v, 0.01);
          c.text().add(radius >= 1.25 * style.fontPx ? f.regular : f.small, text,
                       static_cast<float>(p.x), static_cast<float>(p.y), HAlign::Center,
                       VAlign::Middle, textOn(color, pal));
        }
      } else {
        const double x0 = g.xOf(static_cast<double>(t)),
                     x1 = g.xOf(static_cast<double>(t + stride));
        const double h = g.rowHeight * 0.4;
        c.shapes().addRect(std::max(g.rows.left, x0), p.y - h, std::min(g.rows.right(), x1),
                           p.y + h, filled ? color : pal.background);
      }
    }
    ++stats.columns;
  }
  if (d.path && !d.path->empty() && !stats.discs) {
    drawPath(style.lineWidthPx * 2.6, pal.background.withAlpha(0.85f));
    drawPath(style.lineWidthPx * 1.2, pal.foreground);
  }
  if (d.truth && !d.truth->empty()) drawTruth(c, d, g, style, first, last);

  // Cover what ran past the window's edges (edges and paths of the off-screen columns).
  c.shapes().addRect(0, g.strip.top, g.rows.left, g.rows.bottom() + 0.2 * style.fontPx,
                     pal.background);
  c.shapes().addRect(g.rows.right(), g.strip.top, c.width(), g.rows.bottom() + 0.2 * style.fontPx,
                     pal.background);
  drawRowLabels(c, d, g, f, style);
  drawTimeAxis(c, g, f, style,
               g.rows.bottom() + (d.truth && !d.truth->empty() && d.path ? 1.2 * style.fontPx
                                                                         : 0.2 * style.fontPx));
  return stats;
}

}  // namespace genlab::views::hmmui
