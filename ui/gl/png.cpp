#include "ui/gl/png.h"

#include <stb_image_write.h>  // implementation lives in Debian's libstb

#include <cstring>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace genlab::gl {
namespace {

void writeImpl(const std::filesystem::path& path, int width, int height, const std::uint8_t* rgba,
               bool bottomUp) {
  if (width <= 0 || height <= 0 || !rgba)
    throw std::runtime_error("writePng: empty image for " + path.string());
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  const std::size_t row = static_cast<std::size_t>(width) * 4;
  std::vector<std::uint8_t> flipped;
  if (bottomUp) {
    // A copy rather than stbi_flip_vertically_on_write, which is process-global state.
    flipped.resize(row * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y)
      std::memcpy(flipped.data() + row * static_cast<std::size_t>(y),
                  rgba + row * static_cast<std::size_t>(height - 1 - y), row);
    rgba = flipped.data();
  }
  const int ok =
      stbi_write_png(tmp.string().c_str(), width, height, 4, rgba, static_cast<int>(row));
  if (!ok) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    throw std::runtime_error("writePng: cannot write " + tmp.string());
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error("writePng: cannot rename " + tmp.string() + " to " + path.string());
  }
}

}  // namespace

void writePng(const std::filesystem::path& path, const ImageRgba& image) {
  writeImpl(path, image.width, image.height, image.pixels.data(), false);
}

void writePngBottomUp(const std::filesystem::path& path, int width, int height,
                      const std::uint8_t* rgba) {
  writeImpl(path, width, height, rgba, true);
}

}  // namespace genlab::gl
