#include "ui/views/image_tiles.h"

#include <algorithm>
#include <cmath>

namespace genlab::views {
namespace {

constexpr int kGap = 1;  // texels between tiles, left transparent so the panel shows through

}  // namespace

void ImageTiles::set(std::span<const float> pixels, int count, int height, int width, int columns,
                     std::uint64_t version) {
  if (m_version == version && m_texture) return;
  m_version = version;
  m_count = std::max(0, count);
  m_height = std::max(1, height);
  m_width = std::max(1, width);
  m_wrap = columns == kAnyColumns;
  // Missing images (a short `pixels`) stay transparent: grey 0 with alpha 0 in pack().
  const std::size_t perImage = static_cast<std::size_t>(m_height) * m_width;
  const std::size_t available =
      std::min(static_cast<std::size_t>(m_count) * perImage, pixels.size() / perImage * perImage);
  m_grey.resize(available);
  std::transform(pixels.begin(), pixels.begin() + static_cast<std::ptrdiff_t>(available),
                 m_grey.begin(), [](float v) {
                   return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255));
                 });
  // A wrapping grid starts as one row; draw() re-packs it for its box.
  pack(m_wrap ? m_count : columns);
}

void ImageTiles::pack(int columns) {
  m_columns = std::clamp(columns, 1, std::max(1, m_count));
  const int rows = m_count == 0 ? 1 : (m_count + m_columns - 1) / m_columns;
  m_textureWidth = m_columns * m_width + (m_columns - 1) * kGap;
  m_textureHeight = rows * m_height + (rows - 1) * kGap;
  m_rgba.assign(static_cast<std::size_t>(m_textureWidth) * m_textureHeight * 4, 0);
  const std::size_t perImage = static_cast<std::size_t>(m_height) * m_width;
  const auto available = static_cast<int>(m_grey.size() / perImage);
  for (int i = 0; i < available; ++i) {
    const int left = (i % m_columns) * (m_width + kGap);
    const int top = (i / m_columns) * (m_height + kGap);
    const std::uint8_t* image = m_grey.data() + static_cast<std::size_t>(i) * perImage;
    for (int y = 0; y < m_height; ++y) {
      for (int x = 0; x < m_width; ++x) {
        std::uint8_t* texel =
            &m_rgba[(static_cast<std::size_t>(top + y) * m_textureWidth + left + x) * 4];
        texel[0] = texel[1] = texel[2] = image[y * m_width + x];
        texel[3] = 255;
      }
    }
  }
  if (!m_texture) m_texture.emplace();
  m_texture->uploadRgba8(m_textureWidth, m_textureHeight, m_rgba.data(), gl::Filter::Nearest);
}

int ImageTiles::draw(ImVec2 size) {
  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##tiles", ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
  if (!m_texture || m_count == 0) return -1;
  const bool hovered = ImGui::IsItemHovered();
  const TileLayout layout = layoutFor(size);
  if (layout.columns != m_columns) pack(layout.columns);
  m_drawnScale = layout.scale;
  m_drawnOrigin = ImVec2(std::floor(cursor.x) + layout.left, std::floor(cursor.y) + layout.top);
  const auto texture = static_cast<std::uintptr_t>(m_texture->id());
  ImGui::GetWindowDrawList()->AddImage(
      reinterpret_cast<ImTextureID>(texture), m_drawnOrigin,
      ImVec2(m_drawnOrigin.x + layout.width, m_drawnOrigin.y + layout.height));
  if (!hovered) return -1;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const float tx = (mouse.x - m_drawnOrigin.x) / m_drawnScale;
  const float ty = (mouse.y - m_drawnOrigin.y) / m_drawnScale;
  if (tx < 0 || ty < 0 || tx >= m_textureWidth || ty >= m_textureHeight) return -1;
  const int column = static_cast<int>(tx) / (m_width + kGap);
  const int row = static_cast<int>(ty) / (m_height + kGap);
  const int index = row * m_columns + column;
  return index < m_count ? index : -1;
}

TileLayout ImageTiles::layoutFor(ImVec2 size) const {
  return layoutTiles(size.x, size.y, m_count, m_width, m_height, kGap,
                     m_wrap ? kAnyColumns : m_columns);
}

ImRect ImageTiles::tileRect(int i) const {
  const float left = static_cast<float>((i % m_columns) * (m_width + kGap)) * m_drawnScale;
  const float top = static_cast<float>((i / m_columns) * (m_height + kGap)) * m_drawnScale;
  const ImVec2 min(m_drawnOrigin.x + left, m_drawnOrigin.y + top);
  return {min, ImVec2(min.x + m_width * m_drawnScale, min.y + m_height * m_drawnScale)};
}

ImRect ImageTiles::gridRect() const {
  return {m_drawnOrigin, ImVec2(m_drawnOrigin.x + m_textureWidth * m_drawnScale,
                                m_drawnOrigin.y + m_textureHeight * m_drawnScale)};
}

nlohmann::json ImageTiles::report() const {
  const ImRect r = gridRect();
  return {{"rect", {r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()}},
          {"columns", m_columns},
          {"rows", m_count == 0 ? 0 : (m_count + m_columns - 1) / m_columns},
          {"count", m_count},
          {"tile", {m_width, m_height}},
          {"wraps", m_wrap}};
}

}  // namespace genlab::views
