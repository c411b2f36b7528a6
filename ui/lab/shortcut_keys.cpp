#include "ui/lab/shortcut_keys.h"

#include <GLFW/glfw3.h>

#include <utility>

namespace genlab::lab {

void ShortcutKeys::install(GLFWwindow* window) {
  glfwSetWindowUserPointer(window, this);
  glfwSetKeyCallback(window, &ShortcutKeys::onKey);
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
