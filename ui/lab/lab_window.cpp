// Window, context, fonts and style: the platform side of the lab.

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "ui/gl/gl.h"
#include "ui/gl/png.h"
#include "ui/imgui_theme.h"
#include "ui/lab/lab_app.h"

namespace genlab::lab {
namespace {

void glfwErrorToStderr(int code, const char* description) {
  std::fprintf(stderr, "genlab: GLFW error %d: %s\n", code, description);
}

// Mesa's llvmpipe (software GL: Xvfb, virtual machines, no GPU driver) rasterises on one
// thread per core at normal priority, and beside a trainer those threads took the trainer's
// core. On the 2-core reference machine the GAN ring lesson trained at 6 steps/s with them and
// at 445 steps/s with LP_NUM_THREADS=1, while frames went from 24 to 29 ms (median). So the
// rasteriser gets the cores the trainer leaves, at least one. Must run before the driver loads;
// GPU drivers ignore the variable, and a person's own setting is kept.
void shareCoresWithSoftwareRasteriser(int trainerThreads) {
  if (std::getenv("LP_NUM_THREADS") != nullptr) return;
  const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  const std::string threads = std::to_string(std::max(1, cores - trainerThreads));
  setenv("LP_NUM_THREADS", threads.c_str(), 0);
}

}  // namespace

void LabApp::createWindow() {
  shareCoresWithSoftwareRasteriser(m_trainerThreads);
  glfwSetErrorCallback(glfwErrorToStderr);
  if (!glfwInit()) {
    throw std::runtime_error(
        "cannot open a window: no display (set DISPLAY, or run under xvfb-run for screenshots)");
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);  // HiDPI: logical size follows the monitor
  const int width = m_options.width > 0 ? m_options.width : m_settings.windowWidth;
  const int height = m_options.height > 0 ? m_options.height : m_settings.windowHeight;
  m_window = glfwCreateWindow(width, height, "genlab", nullptr, nullptr);
  if (!m_window) {
    glfwTerminate();
    throw std::runtime_error("cannot create an OpenGL 3.3 core window (is a GL driver installed?)");
  }
  if (!m_options.scripted() && m_settings.windowX >= 0 && m_settings.windowY >= 0) {
    glfwSetWindowPos(m_window, m_settings.windowX, m_settings.windowY);
  }
  glfwMakeContextCurrent(m_window);
  glfwSwapInterval(1);
}

float LabApp::contentScale() const {
  float x = 1.0f;
  float y = 1.0f;
  glfwGetWindowContentScale(m_window, &x, &y);
  return std::max(1.0f, std::max(x, y));
}

float LabApp::presentScale() const {
  int width = 0;
  int height = 0;
  glfwGetWindowSize(m_window, &width, &height);
  // In steps of 1/20 so that dragging the window's edge does not rebuild the fonts every pixel;
  // never below 0.75 (on a 1024 x 768 projector: 21-pixel type, a third larger than normal).
  const float exact = std::clamp(static_cast<float>(height) / 1080.0f, 0.75f, 1.0f);
  return std::round(exact * 20.0f) / 20.0f;
}

void LabApp::initImGui() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  // The lab lays its panels out itself each frame; nothing for ImGui to persist.
  io.IniFilename = nullptr;
  m_keys.install(m_window);  // first, so that ImGui's callback chains to it
  ImGui_ImplGlfw_InitForOpenGL(m_window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  m_imguiReady = true;
  rebuildFonts();
}

void LabApp::rebuildFonts() {
  ImGuiIO& io = ImGui::GetIO();
  const float scale = contentScale();
  m_presentScale = presentScale();
  const float px = (m_present ? ui::kPresentFontPx * m_presentScale : ui::kNormalFontPx) * scale;
  if (std::string problem = ui::loadImGuiFonts(io, px, scale); !problem.empty())
    m_messages.push_back(std::move(problem));
  // Before the first NewFrame the backend has no device objects yet and builds the texture
  // itself; afterwards the old texture must be replaced explicitly.
  if (m_deviceObjectsReady) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  m_fontScale = scale;
  applyImGuiStyle();
  m_fontsDirty = false;
}

void LabApp::applyImGuiStyle() {
  ui::applyImGuiStyle(m_present, m_fontScale * (m_present ? 1.5f * m_presentScale : 1.0f));
  m_canvasStyle =
      m_present ? ui::Style::presentation().scaled(m_presentScale) : ui::Style::normal();
  // Canvases draw in framebuffer pixels: scale by the framebuffer/window ratio too.
  int fbWidth = 0;
  int winWidth = 1;
  glfwGetFramebufferSize(m_window, &fbWidth, nullptr);
  glfwGetWindowSize(m_window, &winWidth, nullptr);
  const float fbScale =
      winWidth > 0 ? static_cast<float>(fbWidth) / static_cast<float>(winWidth) : 1.0f;
  m_canvasStyle = m_canvasStyle.scaled(m_fontScale * std::max(1.0f, fbScale));
}

void LabApp::saveScreenshot(const std::string& path) {
  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(m_window, &width, &height);
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  gl::writePngBottomUp(path, width, height, pixels.data());
}

}  // namespace genlab::lab
