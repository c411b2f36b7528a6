#include "ui/gl/shared_resources.h"

#include <GLFW/glfw3.h>

#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

namespace genlab::gl {
namespace {

struct ContextResources {
  std::map<std::pair<std::string, std::string>, std::unique_ptr<Program>, std::less<>> programs;
  std::map<std::pair<int, int>, std::unique_ptr<Font>> fonts;  // (face, quarter pixels)
};

// Only the thread that owns a context draws with it, and GL work happens on the UI thread, so
// a plain map suffices; it is keyed by context so tests that recreate contexts stay correct.
std::map<GLFWwindow*, ContextResources>& registry() {
  static std::map<GLFWwindow*, ContextResources> r;
  return r;
}

ContextResources& current() {
  GLFWwindow* ctx = glfwGetCurrentContext();
  if (!ctx) throw std::runtime_error("genlab::gl: no OpenGL context is current on this thread");
  return registry()[ctx];
}

}  // namespace

Program& sharedProgram(std::string_view vertexName, std::string_view fragmentName) {
  auto& programs = current().programs;
  auto key = std::make_pair(std::string(vertexName), std::string(fragmentName));
  auto it = programs.find(key);
  if (it == programs.end())
    it =
        programs.emplace(std::move(key), std::make_unique<Program>(vertexName, fragmentName)).first;
  return *it->second;
}

const Font& sharedFont(FontFace face, float pixelHeight) {
  auto& fonts = current().fonts;
  const int quarters = std::max(1, static_cast<int>(std::lround(pixelHeight * 4.0f)));
  const auto key = std::make_pair(static_cast<int>(face), quarters);
  auto it = fonts.find(key);
  if (it == fonts.end())
    it =
        fonts.emplace(key, std::make_unique<Font>(face, static_cast<float>(quarters) / 4.0f)).first;
  return *it->second;
}

void releaseSharedResources() {
  GLFWwindow* ctx = glfwGetCurrentContext();
  if (ctx) registry().erase(ctx);
}

}  // namespace genlab::gl
