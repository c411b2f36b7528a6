#pragma once
// File dialogs and the image clipboard, through Qt 6 Widgets: the two things Dear ImGui and GLFW
// do not have. A plain C++ interface, so that nothing else in the lab includes a Qt header.
//
// Qt starts on first use (a QApplication created on the calling thread, which must be the main
// thread, the one that owns the GLFW window), never at start-up: the lab's first frame does not
// wait for it. When Qt cannot start (no display it can reach, no platform plugin, or
// GENLAB_NO_QT set), every call answers kUnavailable with the reason, and the lab falls back to
// typed paths. The dialogs are Qt's own (QFileDialog::DontUseNativeDialog), the same on every
// desktop and drivable by tests. Each dialog is modal and returns when the person has chosen;
// the GLFW window does not draw meanwhile.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace genlab::desktop {

// One entry of a dialog's file-type list: "Lessons" with {"*.json"}.
struct FileFilter {
  std::string name;
  std::vector<std::string> patterns;
};

struct DialogResult {
  enum class Status { kChosen, kCancelled, kUnavailable };
  Status status = Status::kCancelled;
  std::vector<std::filesystem::path> paths;  // kChosen: at least one
  std::string why;                           // kUnavailable: why Qt could not start

  bool chosen() const { return status == Status::kChosen; }
};

// Starts Qt if it has not started; true when it is running. `why` receives the reason when not.
bool available(std::string* why = nullptr);
// Whether Qt has been started (without starting it).
bool started();

// `many`: several files may be chosen. `startIn`: a folder, or a file to preselect.
DialogResult chooseOpenFiles(const std::string& title, const std::vector<FileFilter>& filters,
                             const std::filesystem::path& startIn, bool many);
DialogResult chooseSaveFile(const std::string& title, const std::vector<FileFilter>& filters,
                            const std::filesystem::path& startIn);
DialogResult chooseFolder(const std::string& title, const std::filesystem::path& startIn);

// Puts a top-down RGBA image (width * height * 4 bytes) on the clipboard. False, with `why`,
// when Qt is unavailable or the image is empty. The process owns the clipboard until another
// program takes it: processEvents() must keep being called so that others can paste.
bool copyImageToClipboard(const std::uint8_t* rgba, int width, int height, std::string* why);

// Lets Qt answer the window system (clipboard requests); cheap, and nothing when Qt has not
// started. Call once a frame.
void processEvents();

// Ends Qt if it started; call before the GLFW window is destroyed.
void shutdown();

}  // namespace genlab::desktop
