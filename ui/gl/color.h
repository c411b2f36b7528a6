#pragma once
// Colour value types shared by the GL layer and the plot code.

#include <algorithm>
#include <cstdint>

namespace genlab::gl {

// 8-bit sRGB + alpha, the layout of per-point colours in vertex buffers and of RGBA8 textures.
struct Rgba8 {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  friend bool operator==(const Rgba8&, const Rgba8&) = default;
};

// Straight (not premultiplied) sRGB colour with components in [0, 1].
struct Color {
  float r = 0, g = 0, b = 0, a = 1;

  static constexpr Color fromHex(std::uint32_t rgb, float alpha = 1.0f) {
    return {static_cast<float>((rgb >> 16) & 0xFF) / 255.0f,
            static_cast<float>((rgb >> 8) & 0xFF) / 255.0f, static_cast<float>(rgb & 0xFF) / 255.0f,
            alpha};
  }
  constexpr Color withAlpha(float alpha) const { return {r, g, b, alpha}; }
  Rgba8 toRgba8() const {
    auto q = [](float v) {
      return static_cast<std::uint8_t>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f);
    };
    return {q(r), q(g), q(b), q(a)};
  }
  friend bool operator==(const Color&, const Color&) = default;
};

// Linear blend in sRGB space; t in [0, 1].
inline Color mix(const Color& a, const Color& b, float t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t,
          a.a + (b.a - a.a) * t};
}

}  // namespace genlab::gl
