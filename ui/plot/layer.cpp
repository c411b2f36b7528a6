#include "ui/plot/layer.h"

#include "ui/gl/gl.h"
#include "ui/gl/program.h"
#include "ui/gl/shared_resources.h"

namespace genlab::plot {

std::array<float, 4> DrawContext::dataToNdc() const {
  // Pixel x = left + (x - xMin) * ppu; ndc = 2 * px / W - 1. Folded into one scale and offset,
  // computed in double so large offsets keep their precision until the final rounding.
  const double w = fbWidth, h = fbHeight;
  const double ppx = view.pixelsPerUnitX(), ppy = view.pixelsPerUnitY();
  const double sx = 2.0 * ppx / w;
  const double ox = 2.0 * (view.pixels.left - view.data.xMin * ppx) / w - 1.0;
  const double sy = 2.0 * ppy / h;
  const double oy = 1.0 - 2.0 * (view.pixels.top + view.data.yMax * ppy) / h;
  return {static_cast<float>(sx), static_cast<float>(sy), static_cast<float>(ox),
          static_cast<float>(oy)};
}

std::array<float, 4> DrawContext::pixelToNdc() const {
  return {2.0f / static_cast<float>(fbWidth), -2.0f / static_cast<float>(fbHeight), -1.0f, 1.0f};
}

void drawTexturedQuad(const gl::Texture2D& texture, const gl::VertexArray& quad,
                      const std::array<float, 4>& transform, float opacity) {
  gl::Program& program = gl::sharedProgram("image.vert", "image.frag");
  program.use();
  program.set("u_transform", transform[0], transform[1], transform[2], transform[3]);
  program.set("u_image", 0);
  program.set("u_opacity", opacity);
  texture.bind(0);
  quad.bind();
  glDrawArrays(GL_TRIANGLES, 0, 6);
  glBindVertexArray(0);
}

}  // namespace genlab::plot
