#include "ui/gl/program.h"

#include <stdexcept>
#include <vector>

#include "ui/gl/embedded_shaders.h"

namespace genlab::gl {
namespace {

std::string_view embeddedSource(std::string_view name) {
  const auto& shaders = embeddedShaders();
  const auto it = shaders.find(name);
  if (it == shaders.end())
    throw std::runtime_error("shader " + std::string(name) +
                             " is not embedded (is it in shaders/ and was CMake re-run?)");
  return it->second;
}

std::string shaderLog(GLuint shader) {
  GLint len = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &len);
  std::vector<char> log(static_cast<std::size_t>(len > 1 ? len : 1), '\0');
  glGetShaderInfoLog(shader, len, nullptr, log.data());
  return log.data();
}

std::string programLog(GLuint program) {
  GLint len = 0;
  glGetProgramiv(program, GL_INFO_LOG_LENGTH, &len);
  std::vector<char> log(static_cast<std::size_t>(len > 1 ? len : 1), '\0');
  glGetProgramInfoLog(program, len, nullptr, log.data());
  return log.data();
}

}  // namespace

GLuint compileShader(GLenum stage, std::string_view source, std::string_view name) {
  const GLuint shader = glCreateShader(stage);
  const char* text = source.data();
  const GLint length = static_cast<GLint>(source.size());
  glShaderSource(shader, 1, &text, &length);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    const std::string log = shaderLog(shader);
    glDeleteShader(shader);
    throw std::runtime_error("shader " + std::string(name) + " failed to compile:\n" + log);
  }
  return shader;
}

Program::Program(std::string_view vertexName, std::string_view fragmentName)
    : m_name(std::string(vertexName) + "+" + std::string(fragmentName)) {
  const GLuint vs = compileShader(GL_VERTEX_SHADER, embeddedSource(vertexName), vertexName);
  GLuint fs = 0;
  try {
    fs = compileShader(GL_FRAGMENT_SHADER, embeddedSource(fragmentName), fragmentName);
  } catch (...) {
    glDeleteShader(vs);
    throw;
  }
  m_id = glCreateProgram();
  glAttachShader(m_id, vs);
  glAttachShader(m_id, fs);
  glLinkProgram(m_id);
  // Shaders are reference-counted by the program; flag them for deletion now.
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(m_id, GL_LINK_STATUS, &ok);
  if (!ok) {
    const std::string log = programLog(m_id);
    glDeleteProgram(m_id);
    m_id = 0;
    throw std::runtime_error("program " + m_name + " failed to link:\n" + log);
  }
}

Program::~Program() {
  if (m_id) glDeleteProgram(m_id);
}

GLint Program::uniform(const std::string& name) {
  const auto it = m_uniforms.find(name);
  if (it != m_uniforms.end()) return it->second;
  const GLint loc = glGetUniformLocation(m_id, name.c_str());
  m_uniforms.emplace(name, loc);
  return loc;
}

}  // namespace genlab::gl
