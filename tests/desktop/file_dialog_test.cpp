// The Qt file dialog through ui/desktop, driven as a person would: the test finds the dialog
// window, types a file name into it and accepts; then the lab imports the chosen file.

#include <QApplication>
#include <QClipboard>
#include <QColor>
#include <QFileDialog>
#include <QImage>
#include <QLineEdit>
#include <QTimer>
#include <cstdlib>
#include <thread>

#include "core/models/gmm/gmm_snapshot.h"
#include "tests/desktop/test_files.h"
#include "ui/desktop/qt_desktop.h"
#include "ui/lab/lab_app.h"

namespace genlab::test {
namespace {

using FileDialogTest = DesktopFilesTest;

// Qt ends before the process does (qt_desktop.h: shutdown).
class QtShutdown : public ::testing::Environment {
 public:
  void TearDown() override { desktop::shutdown(); }
};
const auto* const g_qtShutdown = ::testing::AddGlobalTestEnvironment(new QtShutdown);

bool haveDisplay() {
  const char* display = std::getenv("DISPLAY");
  return display && *display && desktop::available();
}

// Once the dialog is up: types `name` into its file name field and presses Open (or Save).
// Polls, because the dialog appears only inside the modal call that follows.
void answerNextDialog(const std::string& name, std::string* seenTitle) {
  auto* timer = new QTimer;
  QObject::connect(timer, &QTimer::timeout, [timer, name, seenTitle] {
    for (QWidget* widget : QApplication::topLevelWidgets()) {
      auto* dialog = qobject_cast<QFileDialog*>(widget);
      if (!dialog || !dialog->isVisible()) continue;
      auto* field = dialog->findChild<QLineEdit*>("fileNameEdit");
      if (!field) continue;
      *seenTitle = dialog->windowTitle().toStdString();
      field->setText(QString::fromStdString(name));
      QMetaObject::invokeMethod(dialog, "accept");  // as Enter in the field does
      timer->stop();
      timer->deleteLater();
      return;
    }
  });
  timer->start(50);
}

TEST_F(FileDialogTest, TheOpenDialogReturnsTheFileTypedIntoIt) {
  if (!haveDisplay()) GTEST_SKIP() << "no display for Qt";
  const fs::path csv = write("blobs.csv", "1,2\n3,4\n");
  write("other.csv", "5,6\n");
  std::string title;
  answerNextDialog("blobs.csv", &title);
  const auto result =
      desktop::chooseOpenFiles("Import data into the lesson", {{"CSV", {"*.csv"}}}, m_dir, false);
  ASSERT_TRUE(result.chosen());
  ASSERT_EQ(result.paths.size(), 1u);
  EXPECT_EQ(fs::canonical(result.paths.front()), fs::canonical(csv));
  EXPECT_EQ(title, "Import data into the lesson");
}

TEST_F(FileDialogTest, TheSaveDialogAddsTheFiltersExtension) {
  if (!haveDisplay()) GTEST_SKIP() << "no display for Qt";
  std::string title;
  answerNextDialog("figure", &title);
  const auto result =
      desktop::chooseSaveFile("Export the view as PNG", {{"PNG images", {"*.png"}}}, m_dir);
  ASSERT_TRUE(result.chosen());
  EXPECT_EQ(result.paths.front(), fs::canonical(m_dir) / "figure.png");
}

TEST_F(FileDialogTest, TheClipboardHoldsTheImageCopied) {
  if (!haveDisplay()) GTEST_SKIP() << "no display for Qt";
  std::vector<std::uint8_t> rgba(7 * 5 * 4, 0);
  for (std::size_t i = 0; i < rgba.size(); i += 4) rgba[i] = rgba[i + 3] = 255;  // red
  rgba[(4 * 7 + 6) * 4 + 2] = 255;                                               // corner: magenta
  std::string why;
  ASSERT_TRUE(desktop::copyImageToClipboard(rgba.data(), 7, 5, &why)) << why;
  const QImage back = QApplication::clipboard()->image();
  ASSERT_EQ(back.width(), 7);
  ASSERT_EQ(back.height(), 5);
  EXPECT_EQ(back.pixelColor(0, 0), QColor(255, 0, 0));
  EXPECT_EQ(back.pixelColor(6, 4), QColor(255, 0, 255));
}

// The lab's import, with the file the dialog returned: the lesson's dataset now names the file,
// and the model holds its points (not the lesson's 600 generated ones).
TEST_F(FileDialogTest, AChosenCsvIsImportedIntoTheOpenGmmLesson) {
  if (!haveDisplay()) GTEST_SKIP() << "no display for Qt";
  using namespace std::chrono_literals;
  std::string csvText = "x,y\n";
  for (int i = 0; i < 37; ++i)
    csvText += std::to_string(i % 5) + "," + std::to_string(i * 0.25 - 4.0) + "\n";
  const fs::path csv = write("class.csv", csvText);
  std::string title;
  answerNextDialog("class.csv", &title);
  const auto chosen = desktop::chooseOpenFiles("Import data into the lesson", {}, m_dir, false);
  ASSERT_TRUE(chosen.chosen());

  lab::LabOptions options;
  options.lessonFile = (lesson::assetsDirectory() / "lessons" / "gmm_three_blobs.json").string();
  options.noRecord = true;
  options.exitWhenDone = true;
  options.width = 1024;
  options.height = 768;
  lab::LabApp app(options);
  ASSERT_NE(app.currentLesson(), nullptr);
  EXPECT_EQ(app.currentLesson()->dataset["kind"], "blobs");

  ASSERT_TRUE(app.importData(chosen.paths.front())) << app.messages().back();
  EXPECT_EQ(app.currentLesson()->dataset["kind"], "csv");
  EXPECT_EQ(fs::canonical(app.currentLesson()->dataset["path"].get<std::string>()),
            fs::canonical(csv));
  lab::OpenRun* run = app.focusedRun();
  ASSERT_NE(run, nullptr);
  std::shared_ptr<const gmm::GmmSnapshot> snapshot;
  for (int i = 0; i < 200 && !snapshot; ++i) {
    snapshot = std::dynamic_pointer_cast<const gmm::GmmSnapshot>(run->session().latest());
    if (!snapshot) std::this_thread::sleep_for(20ms);
  }
  ASSERT_TRUE(snapshot);
  ASSERT_TRUE(snapshot->points);
  EXPECT_EQ(snapshot->points->rows(), 37);
  EXPECT_FLOAT_EQ(snapshot->boundsMin.y(), -4.0f);  // the first row's y

  // Sequence text is not for a GMM: refused, naming the lessons that take it.
  const fs::path rolls = write("rolls.txt", "1 2 6 6 6 3\n6 6 1 2 6 6\n");
  EXPECT_FALSE(app.importData(rolls));
  EXPECT_NE(app.messages().back().find("HMM: the dishonest casino"), std::string::npos)
      << app.messages().back();
  EXPECT_EQ(app.currentLesson()->dataset["kind"], "csv") << "a refused import changes nothing";
}

// What a drop does: the paths GLFW hands over, opened by what they are.
TEST_F(FileDialogTest, DroppedPathsOpenByWhatTheyAre) {
  if (!haveDisplay()) GTEST_SKIP() << "no display";
  const fs::path a = recordGmmRun(m_dir / "runs", 1);
  const fs::path b = recordGmmRun(m_dir / "runs", 2);
  lab::LabOptions options;
  options.lessonFile = (lesson::assetsDirectory() / "lessons" / "gmm_three_blobs.json").string();
  options.noRecord = true;
  options.exitWhenDone = true;
  options.width = 1024;
  options.height = 768;
  lab::LabApp app(options);

  // Two run folders (one given as its run.json): compare mode, both recorded.
  EXPECT_TRUE(app.openPaths({a, b / "run.json"}));
  ASSERT_EQ(app.openRunCount(), 2u);
  EXPECT_FALSE(app.focusedRun()->isLive());
  EXPECT_EQ(app.focusedRun()->folder(), a);

  // A lesson file opens that lesson, live.
  const fs::path casino = lesson::assetsDirectory() / "lessons" / "hmm_casino.json";
  EXPECT_TRUE(app.openPaths({casino}));
  EXPECT_EQ(app.openRunCount(), 1u);
  EXPECT_TRUE(app.focusedRun()->isLive());
  EXPECT_EQ(app.currentLesson()->model, "hmm");

  // Sequence text goes into the HMM lesson now open.
  EXPECT_TRUE(app.openPaths({write("rolls.txt", "1 2 6 6 6 3\n6 6 1 2 6 6 4 5\n")}));
  EXPECT_EQ(app.currentLesson()->dataset["kind"], "file");

  // Garbage opens nothing and says why, naming the file.
  EXPECT_FALSE(app.openPaths({write("noise.bin", std::string("\x01\x02\0\xff", 4))}));
  EXPECT_NE(app.messages().back().find("noise.bin"), std::string::npos);
  EXPECT_EQ(app.currentLesson()->model, "hmm");
  EXPECT_EQ(app.openRunCount(), 1u);
}

}  // namespace
}  // namespace genlab::test
