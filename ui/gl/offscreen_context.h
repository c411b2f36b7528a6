#pragma once
// A hidden GLFW window holding an OpenGL 3.3 core context, for tests and headless PNG export.
// Needs an X display (under CI: Xvfb); there is no surfaceless fallback.

#include <string>

struct GLFWwindow;

namespace genlab::gl {

class OffscreenContext {
 public:
  // Creates the window and makes its context current on this thread. Throws
  // std::runtime_error with an actionable message when there is no display or no GL 3.3.
  OffscreenContext();
  // Releases the shared GL resources of this context (see shared_resources.h), then destroys
  // the window. GLFW itself stays initialised: the process may own other windows.
  ~OffscreenContext();
  OffscreenContext(const OffscreenContext&) = delete;
  OffscreenContext& operator=(const OffscreenContext&) = delete;

  void makeCurrent() const;
  GLFWwindow* window() const { return m_window; }

  // True if a display is configured (DISPLAY or WAYLAND_DISPLAY is set); tests skip otherwise.
  static bool displayAvailable();

 private:
  GLFWwindow* m_window = nullptr;
};

}  // namespace genlab::gl
