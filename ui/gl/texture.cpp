#include "ui/gl/texture.h"

namespace genlab::gl {

void Texture2D::upload(GLint internalFormat, GLenum format, int width, int height, const void* data,
                       Filter filter) {
  bind();
  // Rows of 1- or 3-byte texels are not 4-byte aligned in general.
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  if (width != m_width || height != m_height) {
    glTexImage2D(GL_TEXTURE_2D, 0, internalFormat, width, height, 0, format, GL_UNSIGNED_BYTE,
                 data);
    m_width = width;
    m_height = height;
  } else if (data) {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, format, GL_UNSIGNED_BYTE, data);
  }
  const GLint f = filter == Filter::Linear ? GL_LINEAR : GL_NEAREST;
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, f);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, f);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

void Texture2D::uploadRgba8(int width, int height, const std::uint8_t* rgba, Filter filter) {
  upload(GL_RGBA8, GL_RGBA, width, height, rgba, filter);
}

void Texture2D::uploadR8(int width, int height, const std::uint8_t* data, Filter filter) {
  upload(GL_R8, GL_RED, width, height, data, filter);
}

void Texture2D::bind(int unit) const {
  glActiveTexture(static_cast<GLenum>(GL_TEXTURE0 + unit));
  glBindTexture(GL_TEXTURE_2D, m_id);
}

}  // namespace genlab::gl
