#pragma once
// GL objects that are costly to create and identical for every canvas drawing in the same
// context: linked programs and baked fonts. They are cached per GLFW context (the one current
// when asked), created on first use and kept until releaseSharedResources() is called with
// that context current, which must happen before the context is destroyed
// (OffscreenContext does it; the lab window calls it before closing its window).

#include <string_view>

#include "ui/gl/program.h"
#include "ui/gl/text.h"

namespace genlab::gl {

// Throws std::runtime_error if no context is current or the program does not build.
Program& sharedProgram(std::string_view vertexName, std::string_view fragmentName);

// Pixel heights are rounded to a quarter pixel to bound the number of atlases.
const Font& sharedFont(FontFace face, float pixelHeight);

void releaseSharedResources();

}  // namespace genlab::gl
