#include "ui/plot/text_layer.h"

#include "ui/gl/shared_resources.h"

namespace genlab::plot {

void TextLayer::setLabels(std::vector<Label> labels) {
  m_labels = std::move(labels);
  touch();
}

void TextLayer::draw(const DrawContext& ctx) {
  if (m_labels.empty()) return;
  m_batch.clear();
  for (const Label& l : m_labels) {
    const gl::Font& font =
        gl::sharedFont(l.bold ? gl::FontFace::Bold : gl::FontFace::Regular, ctx.style.fontPx);
    const Vec2 p = ctx.view.toPixel(l.position);
    m_batch.add(font, l.text, static_cast<float>(p.x) + ctx.px(static_cast<float>(l.offset.x)),
                static_cast<float>(p.y) + ctx.px(static_cast<float>(l.offset.y)), l.halign,
                l.valign, l.color);
  }
  m_batch.draw(ctx.fbWidth, ctx.fbHeight);
  m_gpuStale = false;
}

}  // namespace genlab::plot
