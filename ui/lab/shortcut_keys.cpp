#include "ui/lab/shortcut_keys.h"

#include <GLFW/glfw3.h>

#include <utility>

namespace genlab::lab {

void ShortcutKeys::install(GLFWwindow* window) {
  glfwSetWindowUserPointer(window, this);
  glfwSetKeyCallback(window, &ShortcutKeys::onKey);
  glfwSetDropCallback(window, &ShortcutKeys::onDrop);
}

std::vector<std::vector<std::string>> ShortcutKeys::takeDrops() {
  return std::exchange(m_drops, {});
}

void ShortcutKeys::onDrop(GLFWwindow* window, int count, const char** paths) {
  auto* self = static_cast<ShortcutKeys*>(glfwGetWindowUserPointer(window));
  if (self == nullptr || count <= 0) return;
  // GLFW frees the strings when the callback returns.
  self->m_drops.emplace_back(paths, paths + count);
}

std::vector<KeyPress> ShortcutKeys::take() {
  return std::exchange(m_pending, {});
}

void ShortcutKeys::onKey(GLFWwindow* window, int key, int /*scancode*/, int action, int mods) {
  if (action == GLFW_RELEASE) return;
  auto* self = static_cast<ShortcutKeys*>(glfwGetWindowUserPointer(window));
  if (self == nullptr) return;
  self->m_pending.push_back({key, mods, action == GLFW_REPEAT});
}

}  // namespace genlab::lab
