#include "ui/gl/text.h"

#include <stb_truetype.h>  // implementation lives in Debian's libstb

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <stdexcept>

#include "ui/gl/program.h"
#include "ui/gl/shared_resources.h"

namespace genlab::gl {
namespace {

// Searched in order; the first directory holding the file wins.
std::vector<std::filesystem::path> fontDirectories() {
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("GENLAB_FONT_DIR"); env && *env) dirs.emplace_back(env);
#ifdef GENLAB_SOURCE_DIR
  dirs.emplace_back(std::filesystem::path(GENLAB_SOURCE_DIR) / "assets" / "fonts");
#endif
  dirs.emplace_back("/usr/share/fonts/truetype/dejavu");
  return dirs;
}

// TTF bytes are immutable once loaded and shared by every Font of the same face.
const std::vector<unsigned char>& fontFile(FontFace face) {
  static std::mutex mutex;
  static std::array<std::vector<unsigned char>, 2> cache;
  const std::lock_guard lock(mutex);
  auto& bytes = cache[face == FontFace::Bold ? 1 : 0];
  if (!bytes.empty()) return bytes;
  const char* name = face == FontFace::Bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
  for (const auto& dir : fontDirectories()) {
    std::ifstream in(dir / name, std::ios::binary);
    if (!in) continue;
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!bytes.empty()) return bytes;
  }
  throw std::runtime_error(std::string("Font: cannot find ") + name +
                           " (install fonts-dejavu-core or set GENLAB_FONT_DIR)");
}

constexpr std::uint32_t kReplacement = '?';

}  // namespace

std::vector<std::uint32_t> decodeUtf8(std::string_view s) {
  std::vector<std::uint32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80           ? 0
                : (c >> 5) == 0x6  ? 1
                : (c >> 4) == 0xE  ? 2
                : (c >> 3) == 0x1E ? 3
                                   : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    std::uint32_t cp = extra == 0 ? c : c & (0x3Fu >> extra);
    bool ok = true;
    for (int k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    out.push_back(ok ? cp : 0xFFFD);
    i += ok ? static_cast<std::size_t>(extra) + 1 : 1;
  }
  return out;
}

struct Font::Impl {
  std::vector<stbtt_packedchar> chars;
  std::unordered_map<std::uint32_t, int> index;  // code point -> chars[] index
  int atlasW = 0, atlasH = 0;

  const stbtt_packedchar* find(std::uint32_t cp) const {
    auto it = index.find(cp);
    if (it == index.end()) it = index.find(kReplacement);
    return it == index.end() ? nullptr : &chars[static_cast<std::size_t>(it->second)];
  }
};

Font::Font(FontFace face, float pixelHeight)
    : m_impl(std::make_unique<Impl>()), m_pixelHeight(pixelHeight) {
  const auto& ttf = fontFile(face);
  stbtt_fontinfo info;
  if (!stbtt_InitFont(&info, ttf.data(), stbtt_GetFontOffsetForIndex(ttf.data(), 0)))
    throw std::runtime_error("Font: stb_truetype cannot parse the DejaVu file");
  // Same scale stbtt_PackFontRanges uses for a positive font size (em height in pixels).
  const float scale = stbtt_ScaleForPixelHeight(&info, pixelHeight);
  int asc = 0, desc = 0, gap = 0;
  stbtt_GetFontVMetrics(&info, &asc, &desc, &gap);
  m_ascent = static_cast<float>(asc) * scale;
  m_descent = static_cast<float>(desc) * scale;
  m_lineGap = static_cast<float>(gap) * scale;

  // Code points: ASCII, Latin-1, Greek, and single symbols a teaching plot uses.
  std::vector<int> codepoints;
  for (int c = 32; c < 127; ++c) codepoints.push_back(c);
  for (int c = 160; c < 256; ++c) codepoints.push_back(c);
  for (int c = 0x391; c <= 0x3C9; ++c) codepoints.push_back(c);
  for (int c = 0x2070; c <= 0x208E; ++c)  // superscript and subscript digits and signs
    if (c != 0x2072 && c != 0x2073 && c != 0x207F) codepoints.push_back(c);
  for (int c : {0x2013, 0x2014, 0x2026, 0x2190, 0x2192, 0x2212, 0x2248, 0x2264, 0x2265, 0x221E})
    codepoints.push_back(c);

  // Horizontal oversampling sharpens small text at subpixel positions; large text needs none.
  const unsigned oversample = pixelHeight < 40 ? 2 : 1;
  std::vector<unsigned char> bitmap;
  m_impl->chars.resize(codepoints.size());
  for (int side = 256;; side *= 2) {
    if (side > 8192) throw std::runtime_error("Font: atlas does not fit at this pixel size");
    bitmap.assign(static_cast<std::size_t>(side) * side, 0);
    stbtt_pack_context pack;
    if (!stbtt_PackBegin(&pack, bitmap.data(), side, side, 0, 1, nullptr)) continue;
    stbtt_PackSetOversampling(&pack, oversample, 1);
    stbtt_pack_range range{};
    range.font_size = pixelHeight;
    range.array_of_unicode_codepoints = codepoints.data();
    range.num_chars = static_cast<int>(codepoints.size());
    range.chardata_for_range = m_impl->chars.data();
    const int ok = stbtt_PackFontRanges(&pack, ttf.data(), 0, &range, 1);
    stbtt_PackEnd(&pack);
    if (ok) {
      m_impl->atlasW = m_impl->atlasH = side;
      break;
    }
  }
  for (std::size_t i = 0; i < codepoints.size(); ++i)
    m_impl->index.emplace(static_cast<std::uint32_t>(codepoints[i]), static_cast<int>(i));
  m_atlas.uploadR8(m_impl->atlasW, m_impl->atlasH, bitmap.data(), Filter::Linear);

  if (const auto* zero = m_impl->find('0')) m_digitHeight = -zero->yoff;
}

Font::~Font() = default;

float Font::measure(std::string_view utf8) const {
  float w = 0;
  for (std::uint32_t cp : decodeUtf8(utf8))
    if (const auto* c = m_impl->find(cp)) w += c->xadvance;
  return w;
}

float Font::baselineFor(float y, VAlign v) const {
  switch (v) {
    case VAlign::Top:
      return y + m_ascent;
    case VAlign::Middle:
      return y + m_digitHeight * 0.5f;
    case VAlign::Baseline:
      return y;
    case VAlign::Bottom:
      return y + m_descent;
  }
  return y;
}

PixelBox Font::bounds(std::string_view utf8, float x, float y, HAlign h, VAlign v) const {
  const float w = measure(utf8);
  const float x0 = h == HAlign::Left ? x : h == HAlign::Center ? x - w * 0.5f : x - w;
  const float base = baselineFor(y, v);
  return {x0, base - m_ascent, x0 + w, base - m_descent};
}

void Font::layout(std::string_view utf8, float x, float baselineY,
                  std::vector<GlyphQuad>& out) const {
  const float invW = 1.0f / static_cast<float>(m_impl->atlasW);
  const float invH = 1.0f / static_cast<float>(m_impl->atlasH);
  float pen = x;
  for (std::uint32_t cp : decodeUtf8(utf8)) {
    const auto* c = m_impl->find(cp);
    if (!c) continue;
    // Snap the pen to whole pixels so glyph edges stay crisp (oversampled atlases still blend).
    const float gx = std::round(pen);
    const float gy = std::round(baselineY);
    if (c->x1 > c->x0)
      out.push_back({gx + c->xoff, gy + c->yoff, gx + c->xoff2, gy + c->yoff2,
                     static_cast<float>(c->x0) * invW, static_cast<float>(c->y0) * invH,
                     static_cast<float>(c->x1) * invW, static_cast<float>(c->y1) * invH});
    pen += c->xadvance;
  }
}

TextBatch::TextBatch() {
  m_vbo.bind();
  m_vao.attribute(0, 2, GL_FLOAT, false, sizeof(Vertex), offsetof(Vertex, x));
  m_vao.attribute(1, 2, GL_FLOAT, false, sizeof(Vertex), offsetof(Vertex, s));
  m_vao.attribute(2, 4, GL_UNSIGNED_BYTE, true, sizeof(Vertex), offsetof(Vertex, color));
}

TextBatch::~TextBatch() = default;

void TextBatch::clear() {
  for (auto& [font, verts] : m_vertices) verts.clear();
  m_drawn.clear();
}

void TextBatch::add(const Font& font, std::string_view utf8, float x, float y, HAlign h, VAlign v,
                    const Color& color, bool rotated) {
  const float w = font.measure(utf8);
  const float along = h == HAlign::Left ? 0.0f : h == HAlign::Center ? -w * 0.5f : -w;
  const float across = font.baselineFor(0.0f, v);  // baseline offset below the anchor
  // The box about the anchor, turned as the glyphs are below: (dx, dy) -> (dy, -dx).
  const PixelBox b = font.bounds(utf8, 0.0f, 0.0f, h, v);
  m_drawn.push_back({std::string(utf8), rotated
                                            ? PixelBox{x + b.y0, y - b.x1, x + b.y1, y - b.x0}
                                            : PixelBox{x + b.x0, y + b.y0, x + b.x1, y + b.y1}});
  m_scratch.clear();
  // Lay out horizontally relative to the anchor, then rotate about it if asked.
  font.layout(utf8, along, across, m_scratch);
  auto& out = m_vertices[&font];
  const Rgba8 c = color.toRgba8();
  for (const GlyphQuad& q : m_scratch) {
    // Corners in (dx, dy) relative to the anchor, with their uv.
    const std::array<std::array<float, 4>, 4> corners = {{{q.x0, q.y0, q.s0, q.t0},
                                                          {q.x1, q.y0, q.s1, q.t0},
                                                          {q.x1, q.y1, q.s1, q.t1},
                                                          {q.x0, q.y1, q.s0, q.t1}}};
    std::array<Vertex, 4> vtx{};
    for (std::size_t i = 0; i < 4; ++i) {
      const float dx = corners[i][0], dy = corners[i][1];
      // Counter-clockwise on screen (y down): (dx, dy) -> (dy, -dx).
      vtx[i] = rotated ? Vertex{x + dy, y - dx, corners[i][2], corners[i][3], c}
                       : Vertex{x + dx, y + dy, corners[i][2], corners[i][3], c};
    }
    for (std::size_t i : {0, 1, 2, 0, 2, 3}) out.push_back(vtx[i]);
  }
}

void TextBatch::draw(int fbWidth, int fbHeight) {
  Program& program = sharedProgram("text.vert", "text.frag");
  program.use();
  // Pixels (y down) to NDC (y up).
  program.set("u_transform", 2.0f / static_cast<float>(fbWidth),
              -2.0f / static_cast<float>(fbHeight), -1.0f, 1.0f);
  program.set("u_atlas", 0);
  m_vao.bind();
  for (const auto& [font, verts] : m_vertices) {
    if (verts.empty()) continue;
    font->atlas().bind(0);
    m_vbo.upload(verts.data(), verts.size() * sizeof(Vertex), GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(verts.size()));
  }
  glBindVertexArray(0);
}

}  // namespace genlab::gl
