#include "ui/plot/opaque_image.h"

#include "ui/gl/gl.h"

namespace genlab::plot {
namespace {

void disableBlending(const ImDrawList*, const ImDrawCmd*) {
  glDisable(GL_BLEND);
}

}  // namespace

void addOpaqueImage(ImDrawList* list, ImTextureID texture, ImVec2 topLeft, ImVec2 bottomRight,
                    ImVec2 uvTopLeft, ImVec2 uvBottomRight) {
  list->AddCallback(disableBlending, nullptr);
  list->AddImage(texture, topLeft, bottomRight, uvTopLeft, uvBottomRight);
  list->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

}  // namespace genlab::plot
