// Every input a fuzz target (fuzz/, docs/FUZZING.md) found to break a parser, kept in
// tests/data/fuzz_regressions/: each must now be refused cleanly, with a DataError or
// ConfigError naming the file and what is wrong (or, for the tolerant run reader, read as
// documented). The seeds the checkpoint targets start from must still load, so a parser that
// refuses everything fails here too.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/data/image_datasets.h"
#include "core/lesson/lesson.h"
#include "core/models/gmm/gmm_params_file.h"
#include "core/models/hmm/model_json.h"
#include "core/run/run_info.h"
#include "core/util/errors.h"
#include "fuzz/fuzz_trainers.h"
#include "tests/error_message.h"

namespace genlab::test {
namespace {

namespace fs = std::filesystem;

::testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" lacks \"" << part << "\"";
}

fs::path regression(const std::string& name) {
  return fs::path(GENLAB_TEST_DATA_DIR) / "fuzz_regressions" / name;
}

// A run folder in the test's temporary directory holding `name` as its run.json.
fs::path runFolderWith(const std::string& name) {
  const fs::path folder = fs::path(::testing::TempDir()) / ("fuzz_regression_" + name);
  fs::remove_all(folder);
  fs::create_directories(folder);
  fs::copy_file(regression(name), folder / "run.json");
  return folder;
}

TEST(FuzzRegressions, JsonNumberTooLargeForADoubleIsNamedWithTheFile) {
  const fs::path params = regression("gmm_params_number_overflow.json");
  const std::string a = messageOf<DataError>([&] { gmm::readGmmParamsFile(params); });
  EXPECT_TRUE(contains(a, params.string() + ": not valid JSON"));
  EXPECT_TRUE(contains(a, "1e3085"));

  const fs::path model = regression("hmm_model_number_overflow.json");
  EXPECT_TRUE(contains(messageOf<DataError>([&] { hmm::readModelFile(model); }),
                       model.string() + ": not valid JSON"));

  const fs::path lesson = regression("lesson_number_overflow.json");
  const std::string c = messageOf<DataError>([&] { lesson::loadLesson(lesson); });
  EXPECT_TRUE(contains(c, lesson.string() + ": not valid JSON"));
  EXPECT_TRUE(contains(c, "1e3085"));
}

TEST(FuzzRegressions, LessonIntegersOutOfTheirTypeAreConfigErrors) {
  // "order": 1e300 was cast to int (undefined behaviour), "seed": -1 became 2^64 - 1.
  const fs::path order = regression("lesson_order_1e300.json");
  EXPECT_TRUE(contains(messageOf<ConfigError>([&] { lesson::loadLesson(order); }),
                       order.string() + ": order: expected an integer"));
  const fs::path seed = regression("lesson_seed_negative.json");
  EXPECT_TRUE(contains(messageOf<ConfigError>([&] { lesson::loadLesson(seed); }),
                       seed.string() + ": seed: -1 is negative"));
}

TEST(FuzzRegressions, RunJsonOfTheWrongTypesIsRefusedOrReadAsDocumented) {
  // A checkpoint list entry with a string step: the list is not trusted, the folder is scanned.
  const run::RunInfo listed = run::readRunInfo(runFolderWith("run_checkpoint_step_string.json"));
  EXPECT_TRUE(listed.checkpoints.empty());
  EXPECT_EQ(listed.status, "finished");

  // A heartbeat that is not a timestamp (and a pid_start that is not a number) on another
  // host: no sign of life, so interrupted, not a json::type_error.
  const run::RunInfo stale = run::readRunInfo(runFolderWith("run_heartbeat_number.json"));
  EXPECT_EQ(stale.recordedStatus, "running");
  EXPECT_EQ(stale.status, "interrupted");

  const fs::path overrides = runFolderWith("run_overrides_number.json");
  EXPECT_TRUE(contains(messageOf<DataError>([&] { run::readRunInfo(overrides); }),
                       (overrides / "run.json").string() + ": \"overrides\" has the wrong type"));

  const fs::path pid = runFolderWith("run_pid_1e300.json");
  EXPECT_TRUE(contains(messageOf<DataError>([&] { run::readRunInfo(pid); }),
                       (pid / "run.json").string() + ": pid: expected an integer"));
}

TEST(FuzzRegressions, RunWhoseLessonFileIsGoneSaysWhichRunAskedForIt) {
  // Found by fuzz_run_info: the message named the lesson file only, not the run.
  for (const char* name : {"run_lesson_file_missing.json", "run_lesson_file_missing_found.json"}) {
    const fs::path folder = runFolderWith(name);
    const run::RunInfo info = run::readRunInfo(folder);
    const std::string message = messageOf<DataError>([&] { run::runLesson(info); });
    EXPECT_TRUE(contains(message, (folder / "run.json").string() + ": lesson_file: "));
    EXPECT_TRUE(contains(message, "cannot open the file"));
  }
}

TEST(FuzzRegressions, IdxHeaderAnnouncingTerabytesIsTruncatedNotAllocated) {
  // 16 bytes announcing 10 million 1024x1024 images: refused after reading what is there.
  const fs::path images = regression("idx_huge_header");
  const std::string message = messageOf<DataError>([&] { data::readIdx(images); });
  EXPECT_TRUE(contains(message, images.string() + ": truncated"));
  EXPECT_TRUE(contains(message, "needs 10485760000000 bytes, the file ends after 0"));
}

TEST(FuzzRegressions, GmmCheckpointFieldsOfTheWrongTypeNameTheFileAndKey) {
  const fs::path valid = fs::path(GENLAB_SOURCE_DIR) / "fuzz/corpus/gmm_checkpoint/step-3.json";
  auto trainer = fuzz::makeGmmTrainer();
  trainer->loadCheckpoint(valid);
  EXPECT_EQ(trainer->stepsDone(), 3);

  const fs::path model = regression("gmm_checkpoint_model_number.json");
  EXPECT_TRUE(contains(messageOf<DataError>([&] { fuzz::makeGmmTrainer()->loadCheckpoint(model); }),
                       model.string() + ": a checkpoint of model 5, not of a GMM"));
  const fs::path step = regression("gmm_checkpoint_step_1e300.json");
  EXPECT_TRUE(contains(messageOf<DataError>([&] { fuzz::makeGmmTrainer()->loadCheckpoint(step); }),
                       step.string() + ": step: expected an integer"));
}

TEST(FuzzRegressions, HmmCheckpointFieldsOfTheWrongTypeNameTheFileAndKey) {
  const fs::path valid = fs::path(GENLAB_SOURCE_DIR) / "fuzz/corpus/hmm_checkpoint/step-3.json";
  auto trainer = fuzz::makeHmmTrainer();
  trainer->loadCheckpoint(valid);
  EXPECT_EQ(trainer->stepsDone(), 3);

  const fs::path model = regression("hmm_checkpoint_model_array.json");
  EXPECT_TRUE(contains(messageOf<DataError>([&] { fuzz::makeHmmTrainer()->loadCheckpoint(model); }),
                       model.string() + ": not an HMM training checkpoint"));
  const fs::path shown = regression("hmm_checkpoint_shown_1e300.json");
  EXPECT_TRUE(contains(messageOf<DataError>([&] { fuzz::makeHmmTrainer()->loadCheckpoint(shown); }),
                       shown.string() + ": checkpoint.shown_sequence: expected an integer"));
}

}  // namespace
}  // namespace genlab::test
