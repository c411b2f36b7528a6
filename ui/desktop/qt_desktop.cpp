// The only file of genlab that includes Qt headers (qt_desktop.h says why).

#include "ui/desktop/qt_desktop.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QImage>
#include <QLibraryInfo>
#include <QStringList>
#include <clocale>
#include <cstdlib>
#include <optional>

namespace genlab::desktop {
namespace {

// QApplication keeps references to argc and argv for its whole life.
int g_argc = 1;
char g_program[] = "genlab";
char* g_argv[] = {g_program, nullptr};

// Not a static unique_ptr: destroyed after Qt's own statics at exit, QApplication crashes.
// shutdown() deletes it; a process that never calls it leaves it to the system.
QApplication* g_app = nullptr;
std::optional<std::string> g_failure;  // set once Qt was found unable to start

// The platform Qt would pick, or why there is none. Qt aborts the process (qFatal) when the
// platform plugin it picks cannot load, so the lab checks first what Qt would need.
std::string platformProblem() {
  if (const char* off = std::getenv("GENLAB_NO_QT"); off && *off) return "GENLAB_NO_QT is set";
  std::string platform;
  if (const char* chosen = std::getenv("QT_QPA_PLATFORM"); chosen && *chosen) {
    platform = chosen;
    platform = platform.substr(0, platform.find(':'));  // "xcb:option=..." names xcb
  } else if (const char* display = std::getenv("DISPLAY"); display && *display) {
    platform = "xcb";
  } else if (const char* wayland = std::getenv("WAYLAND_DISPLAY"); wayland && *wayland) {
    platform = "wayland";
  } else {
    return "no display for Qt (neither DISPLAY nor WAYLAND_DISPLAY is set)";
  }
  const QDir plugins(QLibraryInfo::path(QLibraryInfo::PluginsPath) + "/platforms");
  const QStringList found =
      plugins.entryList({QString::fromStdString("libq" + platform + "*.so")}, QDir::Files);
  if (found.isEmpty()) {
    return "Qt's \"" + platform + "\" platform plugin is not installed in " +
           plugins.path().toStdString() + " (Debian: qt6-base-dev, libqt6gui6)";
  }
  return {};
}

QString toQString(const std::filesystem::path& path) {
  return QString::fromStdString(path.string());
}

QStringList nameFilters(const std::vector<FileFilter>& filters) {
  QStringList list;
  for (const FileFilter& filter : filters) {
    QString patterns;
    for (const std::string& pattern : filter.patterns)
      patterns += (patterns.isEmpty() ? "" : " ") + QString::fromStdString(pattern);
    list << QString::fromStdString(filter.name) + " (" + patterns + ")";
  }
  list << "All files (*)";
  return list;
}

DialogResult unavailable() {
  DialogResult result;
  result.status = DialogResult::Status::kUnavailable;
  available(&result.why);
  return result;
}

// Runs `dialog` modally and collects what was chosen.
DialogResult runDialog(QFileDialog& dialog) {
  // Qt's own dialog: the same on every desktop, and one that tests can fill in.
  dialog.setOption(QFileDialog::DontUseNativeDialog);
  DialogResult result;
  if (dialog.exec() != QDialog::Accepted) return result;
  for (const QString& file : dialog.selectedFiles()) result.paths.emplace_back(file.toStdString());
  if (!result.paths.empty()) result.status = DialogResult::Status::kChosen;
  return result;
}

void startIn(QFileDialog& dialog, const std::filesystem::path& where) {
  std::error_code ec;
  if (where.empty()) return;
  if (std::filesystem::is_directory(where, ec)) {
    dialog.setDirectory(toQString(where));
  } else {
    if (where.has_parent_path()) dialog.setDirectory(toQString(where.parent_path()));
    dialog.selectFile(toQString(where.filename()));
  }
}

}  // namespace

bool available(std::string* why) {
  if (g_app) return true;
  if (!g_failure) {
    std::string problem = platformProblem();
    if (problem.empty()) {
      // QApplication sets the C locale from the environment (LC_NUMERIC=de_DE would make
      // printf write "0,5"); the lab's numbers must keep their own locale.
      const std::string locale = std::setlocale(LC_ALL, nullptr);
      g_app = new QApplication(g_argc, g_argv);
      std::setlocale(LC_ALL, locale.c_str());
      QApplication::setQuitOnLastWindowClosed(false);
      return true;
    }
    g_failure = std::move(problem);
  }
  if (why) *why = *g_failure;
  return false;
}

bool started() {
  return g_app != nullptr;
}

DialogResult chooseOpenFiles(const std::string& title, const std::vector<FileFilter>& filters,
                             const std::filesystem::path& where, bool many) {
  if (!available()) return unavailable();
  QFileDialog dialog(nullptr, QString::fromStdString(title));
  dialog.setAcceptMode(QFileDialog::AcceptOpen);
  dialog.setFileMode(many ? QFileDialog::ExistingFiles : QFileDialog::ExistingFile);
  dialog.setNameFilters(nameFilters(filters));
  startIn(dialog, where);
  return runDialog(dialog);
}

DialogResult chooseSaveFile(const std::string& title, const std::vector<FileFilter>& filters,
                            const std::filesystem::path& where) {
  if (!available()) return unavailable();
  QFileDialog dialog(nullptr, QString::fromStdString(title));
  dialog.setAcceptMode(QFileDialog::AcceptSave);
  dialog.setFileMode(QFileDialog::AnyFile);
  dialog.setNameFilters(nameFilters(filters));
  // "*.png" -> a name typed without an extension gets ".png".
  if (!filters.empty() && !filters.front().patterns.empty()) {
    const std::string& pattern = filters.front().patterns.front();
    if (pattern.rfind("*.", 0) == 0)
      dialog.setDefaultSuffix(QString::fromStdString(pattern.substr(2)));
  }
  startIn(dialog, where);
  return runDialog(dialog);
}

DialogResult chooseFolder(const std::string& title, const std::filesystem::path& where) {
  if (!available()) return unavailable();
  QFileDialog dialog(nullptr, QString::fromStdString(title));
  dialog.setFileMode(QFileDialog::Directory);
  dialog.setOption(QFileDialog::ShowDirsOnly);
  startIn(dialog, where);
  return runDialog(dialog);
}

bool copyImageToClipboard(const std::uint8_t* rgba, int width, int height, std::string* why) {
  if (!available(why)) return false;
  if (rgba == nullptr || width <= 0 || height <= 0) {
    if (why) *why = "nothing to copy (empty image)";
    return false;
  }
  // copy(): the clipboard keeps its own pixels, not a view of the caller's buffer.
  const QImage image = QImage(rgba, width, height, width * 4, QImage::Format_RGBA8888).copy();
  QGuiApplication::clipboard()->setImage(image);
  QCoreApplication::processEvents();
  return true;
}

void processEvents() {
  if (g_app) QCoreApplication::processEvents();
}

void shutdown() {
  delete g_app;
  g_app = nullptr;
}

}  // namespace genlab::desktop
