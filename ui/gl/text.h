#pragma once
// Text drawn into the current framebuffer as textured quads from a DejaVu atlas baked with
// stb_truetype at one pixel size. Coordinates are framebuffer pixels, origin top-left, y down
// (the plot canvas's pixel space).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ui/gl/buffer.h"
#include "ui/gl/color.h"
#include "ui/gl/texture.h"

namespace genlab::gl {

class Program;

enum class FontFace { Regular, Bold };
enum class HAlign { Left, Center, Right };
// Top: the font's ascent line; Middle: half the height of the digits above the baseline (so
// numbers centre on tick marks); Baseline; Bottom: the descent line.
enum class VAlign { Top, Middle, Baseline, Bottom };

struct PixelBox {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // x0 <= x1, y0 <= y1 (y down)
};

struct GlyphQuad;

// A baked font at one pixel height: ascent minus descent, as ImGui sizes fonts (the em is
// about 0.86 of it for DejaVu Sans). Covers ASCII,
// Latin-1, Greek, super/subscript digits and a few maths symbols (minus, arrows, <=, >=,
// ellipsis); other code points
// draw as '?'. Must be created and destroyed with a GL context current.
class Font {
 public:
  Font(FontFace face, float pixelHeight);
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  float pixelHeight() const { return m_pixelHeight; }
  float ascent() const { return m_ascent; }    // > 0, above the baseline
  float descent() const { return m_descent; }  // < 0, below the baseline
  float digitHeight() const { return m_digitHeight; }
  float lineHeight() const { return m_ascent - m_descent + m_lineGap; }

  // Advance width of a UTF-8 string in pixels.
  float measure(std::string_view utf8) const;
  // Box a string occupies when anchored at (x, y) with the given alignment (horizontal text).
  PixelBox bounds(std::string_view utf8, float x, float y, HAlign h, VAlign v) const;
  // Baseline y for a string anchored at y with alignment v.
  float baselineFor(float y, VAlign v) const;

  const Texture2D& atlas() const { return m_atlas; }

  // Appends two triangles per glyph (pixel-space positions; atlas uv) starting at the pen
  // position (x on the left edge, y on the baseline).
  void layout(std::string_view utf8, float x, float baselineY, std::vector<GlyphQuad>& out) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  Texture2D m_atlas;
  float m_pixelHeight;
  float m_ascent = 0, m_descent = 0, m_lineGap = 0, m_digitHeight = 0;
};

// A string as a batch drew it: its text and the box it covers (the rotated box for rotated
// text), in the batch's framebuffer pixels. Kept so a caller can report what it drew where.
struct DrawnText {
  std::string text;
  PixelBox box;
};

struct GlyphQuad {
  float x0, y0, x1, y1;  // pixels, y down
  float s0, t0, s1, t1;  // atlas uv
};

// Collects strings for any number of fonts and draws them with one draw call per font. Reuse
// one batch across frames: clear(), add()..., draw().
class TextBatch {
 public:
  TextBatch();
  ~TextBatch();
  TextBatch(const TextBatch&) = delete;
  TextBatch& operator=(const TextBatch&) = delete;

  // `rotated` turns the string 90 degrees counter-clockwise about the anchor (reads bottom to
  // top, for y-axis titles); alignment then applies along the rotated direction.
  void add(const Font& font, std::string_view utf8, float x, float y, HAlign h, VAlign v,
           const Color& color, bool rotated = false);
  void clear();
  // Draws into the currently bound framebuffer of size fbWidth x fbHeight, with blending on.
  void draw(int fbWidth, int fbHeight);
  // Every string added since the last clear(), in order.
  const std::vector<DrawnText>& drawn() const { return m_drawn; }

 private:
  struct Vertex {
    float x, y, s, t;
    Rgba8 color;
  };
  std::unordered_map<const Font*, std::vector<Vertex>> m_vertices;
  std::vector<GlyphQuad> m_scratch;
  std::vector<DrawnText> m_drawn;
  Buffer m_vbo;
  VertexArray m_vao;
};

// UTF-8 decoding shared by layout and measuring; invalid bytes decode as U+FFFD.
std::vector<std::uint32_t> decodeUtf8(std::string_view utf8);

}  // namespace genlab::gl
