#include "core/lesson/lesson.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/models/registry.h"
#include "core/util/errors.h"

namespace genlab::test {
namespace {

namespace fs = std::filesystem;

class LessonFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("genlab-lesson-test-" + std::to_string(::getpid()));
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  fs::path write(const std::string& name, const std::string& text) {
    const auto path = m_dir / name;
    std::ofstream(path) << text;
    return path;
  }

  template <class Error>
  std::string errorOf(const fs::path& path) {
    try {
      models::makeTrainer(lesson::loadLesson(path), 1);
    } catch (const Error& error) {
      return error.what();
    }
    ADD_FAILURE() << "no error for " << path;
    return {};
  }

  fs::path m_dir;
};

constexpr const char* kGoodLesson = R"({
  "title": "t", "model": "gmm",
  "dataset": {"kind": "blobs", "n": 60, "centers": [[0, 0], [5, 5]], "std": 0.5},
  "settings": {"k": 2}, "views": ["scatter"], "seed": 4, "steps": 7
})";

TEST_F(LessonFiles, AGoodLessonLoadsWithItsFields) {
  const auto lesson = lesson::loadLesson(write("good.json", kGoodLesson));
  EXPECT_EQ(lesson.id, "good");
  EXPECT_EQ(lesson.model, "gmm");
  EXPECT_EQ(lesson.seed, 4u);
  EXPECT_EQ(lesson.steps, 7);
  EXPECT_EQ(lesson.views, std::vector<std::string>{"scatter"});
  auto trainer = models::makeTrainer(lesson, lesson.seed);
  EXPECT_EQ(trainer->modelName(), "gmm");
}

TEST_F(LessonFiles, UnknownTopLevelKeyNamesFileAndKey) {
  const auto path = write("typo.json", R"({"title": "t", "model": "gmm", "setings": {}})");
  const std::string message = errorOf<ConfigError>(path);
  EXPECT_NE(message.find(path.string()), std::string::npos) << message;
  EXPECT_NE(message.find("\"setings\""), std::string::npos) << message;
}

TEST_F(LessonFiles, SyntaxErrorNamesFileLineAndColumn) {
  const auto path = write("broken.json", "{\n  \"title\": \"t\",\n  \"model\" \"gmm\"\n}\n");
  try {
    lesson::loadLesson(path);
    FAIL() << "parsed a broken file";
  } catch (const DataError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind(path.string() + ":3:", 0), 0u) << message;
  }
}

TEST_F(LessonFiles, OutOfRangeSettingNamesFileAndSettingsKey) {
  const auto path = write("bad_k.json", R"({"title": "t", "model": "gmm",
    "dataset": {"kind": "moons", "n": 50}, "settings": {"k": 0}})");
  const std::string message = errorOf<ConfigError>(path);
  EXPECT_NE(message.find(path.string()), std::string::npos) << message;
  EXPECT_NE(message.find("settings.k"), std::string::npos) << message;
}

TEST_F(LessonFiles, UnknownModelListsTheKnownOnes) {
  const auto path = write("model.json", R"({"title": "t", "model": "gmmm"})");
  const std::string message = errorOf<ConfigError>(path);
  EXPECT_NE(message.find("\"gmmm\""), std::string::npos) << message;
  EXPECT_NE(message.find("gmm"), std::string::npos) << message;
}

TEST_F(LessonFiles, MissingCsvDatasetNamesTheFile) {
  const auto path = write("csv.json", R"({"title": "t", "model": "gmm",
    "dataset": {"kind": "csv", "path": "no_such_points.csv"}, "settings": {"k": 2}})");
  const std::string message = errorOf<DataError>(path);
  EXPECT_NE(message.find("no_such_points.csv"), std::string::npos) << message;
}

TEST_F(LessonFiles, OverridesParseJsonValuesAndRejectMalformedItems) {
  auto lesson = lesson::loadLesson(write("good.json", kGoodLesson));
  lesson::applyOverrides(lesson, {"k=3", "covariance=diag", "tol=1e-4"});
  EXPECT_EQ(lesson.settings["k"], 3);
  EXPECT_EQ(lesson.settings["covariance"], "diag");
  EXPECT_DOUBLE_EQ(lesson.settings["tol"].get<double>(), 1e-4);
  EXPECT_THROW(lesson::applyOverrides(lesson, {"k"}), ConfigError);
}

TEST_F(LessonFiles, DirectoryLoadingSortsByOrderAndReportsBadFiles) {
  write("b.json", R"({"title": "B", "model": "gmm", "order": 1})");
  write("a.json", R"({"title": "A", "model": "gmm", "order": 2})");
  write("bad.json", R"({"title": 3})");
  std::vector<std::string> errors;
  const auto lessons = lesson::loadLessonDirectory(m_dir, errors);
  ASSERT_EQ(lessons.size(), 2u);
  EXPECT_EQ(lessons[0].title, "B");
  EXPECT_EQ(lessons[1].title, "A");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("bad.json"), std::string::npos);
}

// Every lesson the lab ships must open and train: a broken preset is a broken lesson.
TEST(ShippedLessons, EachBuildsATrainerThatTakesFiniteSteps) {
  std::vector<std::string> errors;
  const auto lessons = lesson::loadLessonDirectory(lesson::assetsDirectory() / "lessons", errors);
  EXPECT_TRUE(errors.empty()) << errors.front();
  ASSERT_FALSE(lessons.empty());
  for (const auto& lesson : lessons) {
    SCOPED_TRACE(lesson.file.string());
    auto trainer = models::makeTrainer(lesson, lesson.seed);
    std::vector<double> metrics(trainer->metricNames().size());
    for (int i = 0; i < 3; ++i) {
      trainer->step(metrics, {});
      for (double value : metrics) EXPECT_TRUE(std::isfinite(value));
    }
    EXPECT_EQ(trainer->stepsDone(), 3);
    ASSERT_TRUE(trainer->snapshot());
  }
}

}  // namespace
}  // namespace genlab::test
