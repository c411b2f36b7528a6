// The Qt file dialog through ui/desktop, driven as a person would: the test finds the dialog
// window, types a file name into it and accepts; then the lab imports the chosen file.

#include <QApplication>
#include <QClipboard>
#include <QColor>
#include <QFileDialog>
#include <QImage>
#include <QLineEdit>
#include <QTimer>
#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>
#include <thread>

#include "core/data/csv_matrix.h"
#include "core/models/gmm/gmm_snapshot.h"
#include "core/run/metrics_reader.h"
#include "tests/desktop/test_files.h"
#include "ui/desktop/qt_desktop.h"
#include "ui/lab/lab_app.h"

#if defined(__SANITIZE_ADDRESS__)
// As for the ui suite (tests/ui/ui_test_main.cpp): Qt, X11 and Mesa keep allocations past the
// end of a test that LeakSanitizer reports from frames no suppression can name. ASan still
// checks every access; core's leaks are caught by the unit suites.
extern "C" const char* __asan_default_options() {
  return "detect_leaks=0";
}
#endif

namespace genlab::test {
namespace {

using FileDialogTest = DesktopFilesTest;

// The lab on the GMM lesson, scripted (no settings read or written), recording nothing.
lab::LabOptions gmmLessonOptions() {
  lab::LabOptions options;
  options.lessonFile = (lesson::assetsDirectory() / "lessons" / "gmm_three_blobs.json").string();
  options.noRecord = true;
  options.exitWhenDone = true;
  options.width = 1024;
  options.height = 768;
  return options;
}

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

  lab::LabApp app(gmmLessonOptions());
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
  lab::LabApp app(gmmLessonOptions());

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

namespace genlab::test {
namespace {

std::uint32_t bigEndian(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i)
    value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

// Export from the File menu's entry points: curves from the runs' metrics, the main view drawn
// by the export renderer at twice its on-screen size. The checks come from the run folders and
// the layout report, not the lab's own messages.
TEST_F(FileDialogTest, CurvesAndTheMainViewExportFromTwoOpenRuns) {
  if (!haveDisplay()) GTEST_SKIP() << "no display";
  const fs::path a = recordGmmRun(m_dir / "runs", 1);
  const fs::path b = recordGmmRun(m_dir / "runs", 2);
  lab::LabOptions options;
  options.openRuns = {a.string(), b.string()};
  options.frames = 3;
  options.width = 1024;
  options.height = 768;
  options.reportLayout = (m_dir / "layout.json").string();
  lab::LabApp app(options);
  const fs::path png = m_dir / "view.png";
  app.exportView(png);
  EXPECT_EQ(app.run(), 0);

  // The PNG is about twice the first view's rectangle (the window is not scaled under Xvfb).
  const nlohmann::json layout = lesson::readJsonFile(m_dir / "layout.json");
  ASSERT_FALSE(layout["views"].empty());
  const auto& rect = layout["views"][0]["rect"];
  std::ifstream in(png, std::ios::binary);
  std::string head(24, '\0');
  ASSERT_TRUE(in.read(head.data(), 24)) << "no PNG written";
  EXPECT_EQ(head.substr(1, 3), "PNG");
  // The picture is the view's content: its panel's rectangle less the title bar and padding.
  const double width = bigEndian(head, 16);
  const double height = bigEndian(head, 20);
  EXPECT_LE(width, 2.0 * rect[2].get<double>());
  EXPECT_GE(width, 2.0 * rect[2].get<double>() - 40.0);
  EXPECT_LE(height, 2.0 * rect[3].get<double>());
  EXPECT_GE(height, 2.0 * rect[3].get<double>() - 120.0);

  const fs::path csv = m_dir / "curves.csv";
  ASSERT_TRUE(app.exportCurves(csv)) << app.messages().back();
  // Both runs have every step, so every cell is a number and core's reader takes the file.
  const data::CsvMatrix table = data::readCsvMatrix(csv);
  std::map<std::int64_t, Eigen::Index> rowOfStep;
  for (Eigen::Index r = 0; r < table.values.rows(); ++r)
    rowOfStep[std::llround(table.values(r, 0))] = r;
  // Run A's columns, then run B's, each as its metrics.csv has them.
  Eigen::Index column = 1;
  for (const fs::path& folder : {a, b}) {
    run::MetricsFileReader reader(folder / "metrics.csv");
    reader.poll();
    ASSERT_FALSE(reader.rows().empty());
    for (std::size_t m = 0; m < reader.columns().size(); ++m) {
      const std::string& name = table.columnNames.at(static_cast<std::size_t>(column) + m);
      EXPECT_TRUE(name.ends_with("/" + reader.columns()[m])) << name;
      for (const auto& row : reader.rows()) {
        ASSERT_TRUE(rowOfStep.count(row.step)) << "step " << row.step;
        EXPECT_NEAR(table.values(rowOfStep[row.step], column + static_cast<Eigen::Index>(m)),
                    row.values[m], 1e-7 * (1 + std::abs(row.values[m])));
      }
    }
    column += static_cast<Eigen::Index>(reader.columns().size());
  }
  EXPECT_EQ(column, table.values.cols());
}

}  // namespace
}  // namespace genlab::test
