#pragma once
// Colours and sizes for everything the plot canvas draws.
//
// Categorical colours are the Okabe-Ito palette, chosen to stay distinguishable under the
// common colour-vision deficiencies: M. Okabe and K. Ito, "Color Universal Design (CUD): How to
// make figures and presentations that are friendly to colorblind people" (2008),
// https://jfly.uni-koeln.de/color/. The sequential map approximates viridis (van der Walt and
// Smith, matplotlib, 2015, CC0): perceptually uniform, monotone in lightness, readable in grey.

#include <array>
#include <cstdint>
#include <vector>

#include "ui/gl/color.h"

namespace genlab::ui {

using gl::Color;
using gl::Rgba8;

// The eight Okabe-Ito colours in their published order: black, orange, sky blue, bluish
// green, yellow, blue, vermillion, reddish purple.
const std::array<Color, 8>& okabeIto();

enum class Colormap { Viridis, Grey };

// t is clamped to [0, 1]; NaN maps to transparent.
Color colormap(Colormap map, float t);
// n >= 2 samples from t = 0 to t = 1, for building images on the CPU.
std::vector<Rgba8> colormapTable(Colormap map, int n = 256);

struct Palette {
  Color background;  // the whole framebuffer
  Color plotArea;    // behind the data, inside the axes
  Color foreground;  // axes, tick labels, titles
  Color grid;
  Color legendBackground;
  Color outline;  // marker outlines
  // Series colours in the order a view should use them: Okabe-Ito, reordered so the first
  // ones have the most contrast against this background (yellow is last on light
  // backgrounds, black is replaced by a grey on dark ones).
  std::array<Color, 8> series;

  const Color& seriesColor(int i) const { return series[static_cast<std::size_t>(i) % 8]; }
  friend bool operator==(const Palette&, const Palette&) = default;
};

// Sizes are in framebuffer pixels. A canvas multiplies explicit per-layer sizes by `scale`;
// unspecified sizes use lineWidthPx / pointSizePx directly.
struct Style {
  float scale = 1.0f;
  float fontPx = 14.0f;
  float titleFontPx = 16.0f;
  float lineWidthPx = 2.0f;
  float gridWidthPx = 1.0f;
  float pointSizePx = 5.0f;
  Palette palette;

  // Light background, for the lab on a laptop screen.
  static Style normal();
  // Dark background matching ImGui's default dark theme.
  static Style dark();
  // For a classroom projector: pure white background, black text, large type, thick strokes.
  static Style presentation();
  // Every pixel size multiplied by `factor` (HiDPI framebuffers).
  Style scaled(float factor) const;
  friend bool operator==(const Style&, const Style&) = default;
};

}  // namespace genlab::ui
