#pragma once
// Move-only RAII 2-D texture. Rows are uploaded in GL order: the first row is the bottom (t = 0).

#include <cstdint>
#include <utility>

#include "ui/gl/gl.h"

namespace genlab::gl {

enum class Filter { Nearest, Linear };

class Texture2D {
 public:
  Texture2D() { glGenTextures(1, &m_id); }
  ~Texture2D() {
    if (m_id) glDeleteTextures(1, &m_id);
  }
  Texture2D(Texture2D&& o) noexcept
      : m_id(std::exchange(o.m_id, 0)), m_width(o.m_width), m_height(o.m_height) {}
  Texture2D& operator=(Texture2D&& o) noexcept {
    std::swap(m_id, o.m_id);
    std::swap(m_width, o.m_width);
    std::swap(m_height, o.m_height);
    return *this;
  }
  Texture2D(const Texture2D&) = delete;
  Texture2D& operator=(const Texture2D&) = delete;

  // `rgba` holds width*height*4 bytes (may be null to allocate only). Reallocates storage only
  // when the size changes.
  void uploadRgba8(int width, int height, const std::uint8_t* rgba, Filter filter);
  // Single-channel 8-bit (font atlases); sampled as .r in shaders.
  void uploadR8(int width, int height, const std::uint8_t* data, Filter filter);

  void bind(int unit = 0) const;
  GLuint id() const { return m_id; }
  int width() const { return m_width; }
  int height() const { return m_height; }

 private:
  void upload(GLint internalFormat, GLenum format, int width, int height, const void* data,
              Filter filter);
  GLuint m_id = 0;
  int m_width = 0;
  int m_height = 0;
};

}  // namespace genlab::gl
