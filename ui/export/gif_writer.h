#pragma once
// Animated GIF output through giflib (Debian's libgif-dev), for a run's timeline on a slide.
//
// GIF allows 256 colours a frame. quantise() keeps a frame's frequent colours exactly (the plot
// backgrounds, the grid, the series colours: a slide's flat areas stay flat) and spends the
// rest of the palette on everything else (anti-aliased edges, colour maps, images) by median
// cut; each pixel takes the nearest entry. No dithering: dithering speckles flat backgrounds and
// makes frames differ where nothing changed. A frame with at most 256 colours is stored exactly.

#include <array>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "ui/gl/framebuffer.h"

struct GifFileType;

namespace genlab::exporting {

struct IndexedImage {
  int width = 0;
  int height = 0;
  std::vector<std::array<std::uint8_t, 3>> palette;  // at most 256 entries
  std::vector<std::uint8_t> indices;                 // width * height, rows top to bottom
};

// Alpha is ignored (exports are opaque).
IndexedImage quantise(const gl::ImageRgba& image);

// Writes frames as they come (each with its own palette), so a long timeline needs the memory
// of one frame. The file is written to "<path>.tmp" and renamed by finish(), so a reader never
// sees half a GIF. Errors throw std::runtime_error naming the path.
class GifWriter {
 public:
  // `fps` frames a second (GIF delays are in hundredths: 0.5 to 50); the animation loops.
  GifWriter(std::filesystem::path path, int width, int height, double fps);
  ~GifWriter();  // without finish(): removes the temporary file
  GifWriter(const GifWriter&) = delete;
  GifWriter& operator=(const GifWriter&) = delete;

  // `image` must have the size given to the constructor.
  void addFrame(const gl::ImageRgba& image);
  void finish();
  int frames() const { return m_frames; }

 private:
  [[noreturn]] void fail(const char* what, int code);
  void close();

  std::filesystem::path m_path;
  std::filesystem::path m_temporary;
  int m_width;
  int m_height;
  double m_fps;
  int m_frames = 0;
  GifFileType* m_gif = nullptr;
};

}  // namespace genlab::exporting
