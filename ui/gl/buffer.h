#pragma once
// Move-only RAII owners of a vertex buffer and a vertex array object. Both must be created,
// used and destroyed with the same GL context current.

#include <cstddef>
#include <utility>

#include "ui/gl/gl.h"

namespace genlab::gl {

class Buffer {
 public:
  explicit Buffer(GLenum target = GL_ARRAY_BUFFER) : m_target(target) { glGenBuffers(1, &m_id); }
  ~Buffer() {
    if (m_id) glDeleteBuffers(1, &m_id);
  }
  Buffer(Buffer&& o) noexcept
      : m_id(std::exchange(o.m_id, 0)), m_target(o.m_target), m_capacity(o.m_capacity) {}
  Buffer& operator=(Buffer&& o) noexcept {
    std::swap(m_id, o.m_id);
    std::swap(m_target, o.m_target);
    std::swap(m_capacity, o.m_capacity);
    return *this;
  }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  // Replaces the contents. Reuses the existing storage when it is large enough, so a buffer
  // that is refilled with similar sizes does not reallocate. Leaves the buffer bound.
  void upload(const void* data, std::size_t bytes, GLenum usage = GL_STATIC_DRAW) {
    bind();
    if (bytes > m_capacity || bytes < m_capacity / 4) {
      glBufferData(m_target, static_cast<GLsizeiptr>(bytes), data, usage);
      m_capacity = bytes;
    } else if (bytes > 0) {
      glBufferSubData(m_target, 0, static_cast<GLsizeiptr>(bytes), data);
    }
  }
  void bind() const { glBindBuffer(m_target, m_id); }
  GLuint id() const { return m_id; }

 private:
  GLuint m_id = 0;
  GLenum m_target;
  std::size_t m_capacity = 0;
};

class VertexArray {
 public:
  VertexArray() { glGenVertexArrays(1, &m_id); }
  ~VertexArray() {
    if (m_id) glDeleteVertexArrays(1, &m_id);
  }
  VertexArray(VertexArray&& o) noexcept : m_id(std::exchange(o.m_id, 0)) {}
  VertexArray& operator=(VertexArray&& o) noexcept {
    std::swap(m_id, o.m_id);
    return *this;
  }
  VertexArray(const VertexArray&) = delete;
  VertexArray& operator=(const VertexArray&) = delete;

  void bind() const { glBindVertexArray(m_id); }
  GLuint id() const { return m_id; }

  // Describes attribute `index` as `components` values of `type` read from the currently bound
  // GL_ARRAY_BUFFER at `offset` with `stride`; `normalized` maps integer types to [0, 1].
  // Binds this VAO first.
  void attribute(GLuint index, GLint components, GLenum type, bool normalized, std::size_t stride,
                 std::size_t offset) const {
    bind();
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, components, type, normalized ? GL_TRUE : GL_FALSE,
                          static_cast<GLsizei>(stride),
                          reinterpret_cast<const void*>(offset));  // NOLINT: GL's offset idiom
  }

 private:
  GLuint m_id = 0;
};

}  // namespace genlab::gl
