#include "ui/gl/gl.h"

#include <cstdio>
#include <stdexcept>
#include <string>

namespace genlab::gl {

void throwOnGlError(const char* where) {
  const GLenum err = glGetError();
  if (err == GL_NO_ERROR) return;
  char code[16];
  std::snprintf(code, sizeof code, "0x%04x", err);
  // Drain the remaining flags so the next check starts clean.
  while (glGetError() != GL_NO_ERROR) {
  }
  throw std::runtime_error(std::string("OpenGL error ") + code + " at " + where);
}

}  // namespace genlab::gl
