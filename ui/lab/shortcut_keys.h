#pragma once
// Every key press the lab's shortcuts act on, taken from GLFW as it happens.
//
// The rule (issue: Space sometimes did not pause): each press of a shortcut key acts exactly
// once, wherever the mouse is and whatever widget has focus, except while the person types in
// a text field. Dear ImGui 1.86 keeps only whether a key is down at the start of each frame, so
// a tap whose press and release both land between two frames (a quick tap while the lab waits
// for input, or a frame slowed by training) was never seen; the press is queued here instead,
// and handled by the next frame. Key repeat acts again only for the keys meant to repeat (one
// step, slower, faster). Keyboard navigation stays off in ImGui (its default), so Space never
// also presses a focused button.

#include <string>
#include <vector>

struct GLFWwindow;

namespace genlab::lab {

struct KeyPress {
  int key = 0;   // GLFW_KEY_*
  int mods = 0;  // GLFW_MOD_*
  bool repeat = false;
};

class ShortcutKeys {
 public:
  // Chains itself before whatever key callback `window` has, so call it before
  // ImGui_ImplGlfw_InitForOpenGL (which chains to the callback it finds). Uses the window's
  // user pointer; the object must outlive the window's event processing.
  void install(GLFWwindow* window);

  // The presses since the last call, oldest first.
  std::vector<KeyPress> take();

  // Paths dropped on the window since the last call, one list per drop. Queued here because the
  // window's user pointer, which a GLFW callback needs to find its object, is this one's.
  std::vector<std::vector<std::string>> takeDrops();

 private:
  static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);
  static void onDrop(GLFWwindow* window, int count, const char** paths);
  std::vector<KeyPress> m_pending;
  std::vector<std::vector<std::string>> m_drops;
};

}  // namespace genlab::lab
