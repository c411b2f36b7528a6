#include "ui/theme.h"

#include <algorithm>
#include <cmath>

namespace genlab::ui {
namespace {

constexpr Color kBlack = Color::fromHex(0x000000);
constexpr Color kOrange = Color::fromHex(0xE69F00);
constexpr Color kSkyBlue = Color::fromHex(0x56B4E9);
constexpr Color kBluishGreen = Color::fromHex(0x009E73);
constexpr Color kYellow = Color::fromHex(0xF0E442);
constexpr Color kBlue = Color::fromHex(0x0072B2);
constexpr Color kVermillion = Color::fromHex(0xD55E00);
constexpr Color kReddishPurple = Color::fromHex(0xCC79A7);

// viridis sampled at t = 0, 1/8, ..., 1 (matplotlib's _viridis_data at those positions,
// rounded to 8 bits). Linear interpolation between nine stops stays within a few 8-bit steps
// of the full 256-entry table.
constexpr std::array<std::uint32_t, 9> kViridisStops = {
    0x440154, 0x482475, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725};

Color lerpStops(float t) {
  const float x = std::clamp(t, 0.0f, 1.0f) * static_cast<float>(kViridisStops.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(x), kViridisStops.size() - 2);
  const float f = x - static_cast<float>(i);
  return mix(Color::fromHex(kViridisStops[i]), Color::fromHex(kViridisStops[i + 1]), f);
}

}  // namespace

const std::array<Color, 8>& okabeIto() {
  static const std::array<Color, 8> palette = {kBlack,  kOrange, kSkyBlue,    kBluishGreen,
                                               kYellow, kBlue,   kVermillion, kReddishPurple};
  return palette;
}

Color colormap(Colormap map, float t) {
  if (std::isnan(t)) return {0, 0, 0, 0};
  switch (map) {
    case Colormap::Viridis:
      return lerpStops(t);
    case Colormap::Grey: {
      const float v = std::clamp(t, 0.0f, 1.0f);
      return {v, v, v, 1};
    }
  }
  return {};
}

std::vector<Rgba8> colormapTable(Colormap map, int n) {
  n = std::max(n, 2);
  std::vector<Rgba8> table(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i)
    table[static_cast<std::size_t>(i)] =
        colormap(map, static_cast<float>(i) / static_cast<float>(n - 1)).toRgba8();
  return table;
}

Style Style::normal() {
  Style s;
  s.palette.background = Color::fromHex(0xFFFFFF);
  s.palette.plotArea = Color::fromHex(0xFFFFFF);
  s.palette.foreground = Color::fromHex(0x333333);
  s.palette.grid = Color::fromHex(0xE3E3E3);
  s.palette.legendBackground = Color::fromHex(0xFFFFFF, 0.85f);
  s.palette.outline = Color::fromHex(0x222222);
  s.palette.series = {kBlue,          kVermillion, kBluishGreen, kOrange,
                      kReddishPurple, kSkyBlue,    kBlack,       kYellow};
  return s;
}

Style Style::dark() {
  Style s = normal();
  s.palette.background = Color::fromHex(0x1E1F24);
  s.palette.plotArea = Color::fromHex(0x25262C);
  s.palette.foreground = Color::fromHex(0xDDDDDD);
  s.palette.grid = Color::fromHex(0x3A3B42);
  s.palette.legendBackground = Color::fromHex(0x1E1F24, 0.85f);
  s.palette.outline = Color::fromHex(0xF0F0F0);
  s.palette.series = {kOrange,
                      kSkyBlue,
                      kBluishGreen,
                      kYellow,
                      kVermillion,
                      kReddishPurple,
                      Color::fromHex(0xBBBBBB),
                      kBlue};
  return s;
}

Style Style::presentation() {
  Style s = normal();
  s.scale = 2.0f;
  s.fontPx = 30.0f;
  s.titleFontPx = 36.0f;
  s.lineWidthPx = 4.0f;
  s.gridWidthPx = 1.5f;
  s.pointSizePx = 10.0f;
  s.palette.foreground = kBlack;
  s.palette.grid = Color::fromHex(0xD0D0D0);
  s.palette.legendBackground = Color::fromHex(0xFFFFFF, 0.92f);
  s.palette.outline = kBlack;
  return s;
}

Style Style::scaled(float factor) const {
  Style s = *this;
  s.scale *= factor;
  s.fontPx *= factor;
  s.titleFontPx *= factor;
  s.lineWidthPx *= factor;
  s.gridWidthPx *= factor;
  s.pointSizePx *= factor;
  return s;
}

}  // namespace genlab::ui
