#pragma once
// A linked GLSL program built from shaders embedded at build time (shaders/*.vert|frag).
// Uniform locations are looked up once and cached; setters expect the program to be in use().

#include <string>
#include <string_view>
#include <unordered_map>

#include "ui/gl/gl.h"

namespace genlab::gl {

class Program {
 public:
  // Compiles and links the two embedded shaders named like "points.vert". Throws
  // std::runtime_error naming the file and quoting the driver's log on any failure.
  Program(std::string_view vertexName, std::string_view fragmentName);
  ~Program();
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  void use() const { glUseProgram(m_id); }
  GLuint id() const { return m_id; }

  // -1 if the uniform does not exist or was optimised away (setters then do nothing, as GL does).
  GLint uniform(const std::string& name);

  void set(const std::string& name, int v) { glUniform1i(uniform(name), v); }
  void set(const std::string& name, float v) { glUniform1f(uniform(name), v); }
  void set(const std::string& name, float x, float y) { glUniform2f(uniform(name), x, y); }
  void set(const std::string& name, float x, float y, float z, float w) {
    glUniform4f(uniform(name), x, y, z, w);
  }

 private:
  GLuint m_id = 0;
  std::string m_name;  // "a.vert+a.frag", for messages
  std::unordered_map<std::string, GLint> m_uniforms;
};

// Compiles one shader from source; exposed for tests of error reporting. Throws on failure with
// `name` and the info log in the message.
GLuint compileShader(GLenum stage, std::string_view source, std::string_view name);

}  // namespace genlab::gl
