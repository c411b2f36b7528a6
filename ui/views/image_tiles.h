#pragma once
// A grid of grey-scale images (samples, reconstructions, traversals) as one GL texture, drawn
// with nearest filtering so each model pixel stays a crisp square on a projector. The texture is
// rebuilt only when the caller's `version` changes (or a wrapping grid changes its columns), so
// an unchanged grid costs one quad a frame. Where the grid goes is tile_layout.h's rule: the
// largest tiles that fit the box, centred.

#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <vector>

#include "ui/gl/texture.h"
#include "ui/views/tile_layout.h"

namespace genlab::views {

class ImageTiles {
 public:
  // `count` images of height x width floats in [0, 1] (image after image) laid out in `columns`
  // columns with a 1-pixel gap; kAnyColumns lets draw() pick the columns that give the largest
  // tiles in its box (for images whose rows mean nothing: a walk in noise space wraps). Re-packs
  // only when `version` changes. Values outside [0, 1] are clamped. Needs a current GL context.
  void set(std::span<const float> pixels, int count, int height, int width, int columns,
           std::uint64_t version);

  // Draws into a box of `size` (ImGui units) at the cursor: the largest tiles that fit, the grid
  // centred both ways (layoutTiles); advances the cursor by `size`. Returns the tile index
  // under the mouse, or -1.
  int draw(ImVec2 size);
  // The layout draw(size) would use now (for labels that must fit beside the tiles).
  TileLayout layoutFor(ImVec2 size) const;

  ImRect tileRect(int i) const;  // screen rectangle of tile i as last drawn
  ImRect gridRect() const;       // screen rectangle of the whole grid as last drawn
  // The grid as last drawn, for the lab's --report-layout: "rect" [x, y, w, h] in screen units,
  // "columns", "rows", "count", "tile" [w, h] in image pixels and "wraps" (set kAnyColumns).
  nlohmann::json report() const;
  int count() const { return m_count; }
  int columns() const { return m_columns; }
  bool empty() const { return m_count == 0; }

  // Texel layout, for tests: the RGBA bytes last uploaded (row-major, first row at the top).
  const std::vector<std::uint8_t>& texels() const { return m_rgba; }
  int textureWidth() const { return m_textureWidth; }
  int textureHeight() const { return m_textureHeight; }
  const gl::Texture2D* texture() const { return m_texture ? &*m_texture : nullptr; }

 private:
  // Packs the grey images into m_rgba in `columns` columns and uploads the texture.
  void pack(int columns);

  std::optional<gl::Texture2D> m_texture;
  std::vector<std::uint8_t> m_grey;  // the images as set, one byte per pixel
  std::vector<std::uint8_t> m_rgba;
  std::optional<std::uint64_t> m_version;
  int m_count = 0;
  int m_height = 0;
  int m_width = 0;
  bool m_wrap = false;  // set with kAnyColumns: draw() picks the columns
  int m_columns = 1;    // the columns the texture is packed in
  int m_textureWidth = 0;
  int m_textureHeight = 0;
  ImVec2 m_drawnOrigin{};
  float m_drawnScale = 1.0f;  // screen units per texel
};

}  // namespace genlab::views
