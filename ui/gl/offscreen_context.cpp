#include "ui/gl/offscreen_context.h"

#include <GLFW/glfw3.h>

#include <cstdlib>
#include <stdexcept>

#include "ui/gl/gl.h"
#include "ui/gl/shared_resources.h"

namespace genlab::gl {
namespace {

// GLFW reports errors through a callback; keep the last one to put into our exception.
std::string& lastGlfwError() {
  static thread_local std::string message;
  return message;
}

void onGlfwError(int code, const char* description) {
  lastGlfwError() = std::string(description ? description : "unknown") + " (GLFW error " +
                    std::to_string(code) + ")";
}

}  // namespace

bool OffscreenContext::displayAvailable() {
  const char* x = std::getenv("DISPLAY");
  const char* w = std::getenv("WAYLAND_DISPLAY");
  return (x && *x) || (w && *w);
}

OffscreenContext::OffscreenContext() {
  if (!displayAvailable())
    throw std::runtime_error(
        "OffscreenContext: no display (DISPLAY is unset). Run under a virtual X server, e.g. "
        "'Xvfb :99 -screen 0 1920x1080x24 & export DISPLAY=:99'.");
  glfwSetErrorCallback(onGlfwError);
  if (!glfwInit())
    throw std::runtime_error("OffscreenContext: glfwInit failed: " + lastGlfwError());
  glfwDefaultWindowHints();
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  m_window = glfwCreateWindow(64, 64, "genlab offscreen", nullptr, nullptr);
  if (!m_window)
    throw std::runtime_error(
        "OffscreenContext: cannot create a hidden window with an OpenGL 3.3 "
        "core context: " +
        lastGlfwError());
  makeCurrent();
}

OffscreenContext::~OffscreenContext() {
  if (!m_window) return;
  makeCurrent();
  releaseSharedResources();
  glfwMakeContextCurrent(nullptr);
  glfwDestroyWindow(m_window);
}

void OffscreenContext::makeCurrent() const {
  glfwMakeContextCurrent(m_window);
}

}  // namespace genlab::gl
