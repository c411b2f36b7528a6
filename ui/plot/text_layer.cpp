#include "ui/plot/text_layer.h"

#include <algorithm>

#include "ui/gl/shared_resources.h"

namespace genlab::plot {
namespace {

bool overlaps(const gl::PixelBox& a, const gl::PixelBox& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

// How far to move `box` so it lies inside `area` where it can (a box larger than the area is
// aligned to its top-left).
Vec2 shiftInside(const gl::PixelBox& box, const PixelRect& area) {
  const auto along = [](double lo, double hi, double min, double max) {
    if (hi - lo > max - min || lo < min) return min - lo;
    return hi > max ? max - hi : 0.0;
  };
  return {along(box.x0, box.x1, area.left, area.right()),
          along(box.y0, box.y1, area.top, area.bottom())};
}

}  // namespace

void TextLayer::setLabels(std::vector<Label> labels) {
  m_labels = std::move(labels);
  touch();
}

void TextLayer::draw(const DrawContext& ctx) {
  m_batch.clear();
  if (m_labels.empty()) return;
  std::vector<gl::PixelBox> placed;
  for (const Label& l : m_labels) {
    const gl::Font& font =
        gl::sharedFont(l.bold ? gl::FontFace::Bold : gl::FontFace::Regular, ctx.style.fontPx);
    const Vec2 p = ctx.view.toPixel(l.position);
    float x = static_cast<float>(p.x) + ctx.px(static_cast<float>(l.offset.x));
    float y = static_cast<float>(p.y) + ctx.px(static_cast<float>(l.offset.y));
    gl::PixelBox box = font.bounds(l.text, x, y, l.halign, l.valign);
    // Moved into the plot area rather than cut at its edge...
    const Vec2 shift = shiftInside(box, ctx.view.pixels);
    x += static_cast<float>(shift.x);
    y += static_cast<float>(shift.y);
    box = {box.x0 + static_cast<float>(shift.x), box.y0 + static_cast<float>(shift.y),
           box.x1 + static_cast<float>(shift.x), box.y1 + static_cast<float>(shift.y)};
    // ...and left out where it would cover a label drawn before it (narrow bars, crowded
    // points): overlapping text is read as neither label.
    if (std::any_of(placed.begin(), placed.end(),
                    [&](const gl::PixelBox& other) { return overlaps(box, other); }))
      continue;
    placed.push_back(box);
    m_batch.add(font, l.text, x, y, l.halign, l.valign, l.color);
  }
  m_batch.draw(ctx.fbWidth, ctx.fbHeight);
  m_gpuStale = false;
}

}  // namespace genlab::plot
