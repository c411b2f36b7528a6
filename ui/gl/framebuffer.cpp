#include "ui/gl/framebuffer.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace genlab::gl {

Framebuffer::Framebuffer() {
  glGenFramebuffers(1, &m_fbo);
}

Framebuffer::~Framebuffer() {
  if (m_fbo) glDeleteFramebuffers(1, &m_fbo);
}

bool Framebuffer::resize(int width, int height) {
  width = std::max(width, 1);
  height = std::max(height, 1);
  if (width == m_width && height == m_height) return false;
  // Shown pixel for pixel (a view sizes its framebuffer to its rectangle on screen) and read
  // back as it is: nearest sampling gives the same pixels as linear, and costs less on a
  // software rasteriser.
  m_color.uploadRgba8(width, height, nullptr, Filter::Nearest);
  glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_color.id(), 0);
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (status != GL_FRAMEBUFFER_COMPLETE)
    throw std::runtime_error("Framebuffer: incomplete after resize to " + std::to_string(width) +
                             "x" + std::to_string(height));
  m_width = width;
  m_height = height;
  return true;
}

void Framebuffer::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
  glViewport(0, 0, m_width, m_height);
}

void Framebuffer::unbind() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

ImageRgba Framebuffer::readPixels() const {
  ImageRgba img;
  img.width = m_width;
  img.height = m_height;
  img.pixels.resize(static_cast<std::size_t>(m_width) * m_height * 4);
  GLint previous = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
  glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  std::vector<std::uint8_t> bottomUp(img.pixels.size());
  glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, bottomUp.data());
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
  // GL returns the bottom row first; flip once here so every consumer sees image order.
  const std::size_t row = static_cast<std::size_t>(m_width) * 4;
  for (int y = 0; y < m_height; ++y)
    std::memcpy(img.pixels.data() + static_cast<std::size_t>(y) * row,
                bottomUp.data() + static_cast<std::size_t>(m_height - 1 - y) * row, row);
  return img;
}

}  // namespace genlab::gl
