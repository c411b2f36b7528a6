#pragma once
// Draws an opaque texture (a plot's or a canvas's framebuffer: cleared with alpha 1) into an
// ImGui draw list with blending off. The result is the same pixels as ImGui::Image; on a software
// rasteriser (Mesa's llvmpipe) a blended pixel also reads the destination, and the views' images
// are most of a frame's pixels. Blending is back on for what follows (the backend resets its
// render state).

#include <imgui.h>

namespace genlab::plot {

void addOpaqueImage(ImDrawList* list, ImTextureID texture, ImVec2 topLeft, ImVec2 bottomRight,
                    ImVec2 uvTopLeft, ImVec2 uvBottomRight);

}  // namespace genlab::plot
