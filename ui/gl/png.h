#pragma once
// PNG output for exports and test artefacts.

#include <filesystem>

#include "ui/gl/framebuffer.h"

namespace genlab::gl {

// Writes `image` (rows top to bottom) as an RGBA PNG. Writes to "<path>.tmp" and renames, so a
// reader never sees a half-written file. Throws std::runtime_error naming the path on failure.
void writePng(const std::filesystem::path& path, const ImageRgba& image);

// Same, for rows stored bottom to top (as glReadPixels returns them): flips while writing.
void writePngBottomUp(const std::filesystem::path& path, int width, int height,
                      const std::uint8_t* rgba);

}  // namespace genlab::gl
