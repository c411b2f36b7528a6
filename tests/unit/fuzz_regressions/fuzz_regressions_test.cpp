// Every input a fuzz target (fuzz/, docs/FUZZING.md) found to break a parser, kept in
// tests/data/fuzz_regressions/: each must now be refused cleanly, with a DataError or
// ConfigError naming the file and what is wrong (or, for the tolerant run reader, read as
// documented). The seeds the checkpoint targets start from must still load, so a parser that
// refuses everything fails here too.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/data/image_datasets.h"
#include "core/lesson/lesson.h"
#include "core/models/charrnn/char_corpus.h"
#include "core/models/gmm/gmm_params_file.h"
#include "core/models/hmm/model_json.h"
#include "core/models/nb/nb_factory.h"
#include "core/run/run_info.h"
#include "core/run/sweep_plan.h"
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

TEST(FuzzRegressions, CharRnnInlineTextRepeatsOnlyUpToMaxChars) {
  // Found in review for fuzz_char_corpus: 100,000 repeats of a 10,000-character text were all
  // made (4 GB of code points) before the cut to max_chars (default 4,000,000).
  std::ifstream in(regression("charrnn_inline_repeat_huge.json"));
  const nlohmann::json dataset = nlohmann::json::parse(in);
  const charrnn::CharCorpus corpus = charrnn::readCorpus(dataset);
  ASSERT_EQ(corpus.train.size() + corpus.heldOut.size(), 4'000'000U);
  EXPECT_EQ(corpus.heldOut.size(), 200'000U);  // 5 %
  // The text is the 10,000 characters over and over: character i is i % 7 == 0 ? e-acute : letter.
  const std::u32string once = charrnn::decodeUtf8(dataset["text"].get<std::string>(), "text");
  ASSERT_EQ(once.size(), 10'000U);
  for (const std::size_t i :
       {std::size_t{0}, std::size_t{9'999}, std::size_t{10'000}, std::size_t{3'799'999}}) {
    EXPECT_EQ(corpus.alphabet[static_cast<std::size_t>(corpus.train[i])], once[i % 10'000]);
  }
  EXPECT_EQ(corpus.alphabet[static_cast<std::size_t>(corpus.heldOut.back())],
            once[3'999'999 % 10'000]);
}

// The seeds the new checkpoint targets start from load into the trainers they were written by
// (fuzz_trainers.h), so a loader that refuses everything fails here.
TEST(FuzzRegressions, NewCheckpointSeedsLoad) {
  const fs::path corpus = fs::path(GENLAB_SOURCE_DIR) / "fuzz/corpus";
  auto rbm = fuzz::makeRbmTrainer();
  rbm->loadCheckpoint(corpus / "rbm_checkpoint/step-3.json");
  EXPECT_EQ(rbm->stepsDone(), 3);
  auto nb = fuzz::makeNbTrainer();
  nb->loadCheckpoint(corpus / "nb_checkpoint/step-3.json");
  EXPECT_EQ(nb->stepsDone(), 3);
  auto w2v = fuzz::makeWord2VecTrainer();
  w2v->loadCheckpoint(corpus / "word2vec_checkpoint/step-3.w2v");
  EXPECT_EQ(w2v->stepsDone(), 3);
}

TEST(FuzzRegressions, SweepJsonIntegersAndGridSizeAreChecked) {
  // Found by fuzz_sweep_plan: "seeds": 1e300 and "steps": 1e300 were cast (undefined
  // behaviour), a grid of 10^10 points overflowed an int, and "base_seed": -1 became 2^64 - 1.
  const auto sweepFolderWith = [](const std::string& name) {
    const fs::path folder = fs::path(::testing::TempDir()) / ("fuzz_regression_" + name);
    fs::remove_all(folder);
    fs::create_directories(folder);
    fs::copy_file(regression(name), folder / run::kSweepFile);
    return folder;
  };
  const auto messageFor = [&](const std::string& name) {
    const fs::path folder = sweepFolderWith(name);
    const std::string message = messageOf<DataError>([&] { run::readSweepPlan(folder); });
    EXPECT_TRUE(contains(message, (folder / run::kSweepFile).string() + ": "));
    return message;
  };
  EXPECT_TRUE(contains(messageFor("sweep_seeds_1e300.json"), ": seeds: expected an integer"));
  EXPECT_TRUE(contains(messageFor("sweep_steps_1e300.json"), ": steps: expected an integer"));
  EXPECT_TRUE(contains(messageFor("sweep_base_seed_negative.json"), ": base_seed: -1 is negative"));
  EXPECT_TRUE(contains(messageFor("sweep_grid_ten_billion_runs.json"),
                       ": sweep: the grid times 2 seed(s) makes more than 100000 runs"));
  // The seed the target starts from is a valid sweep: 3 grid points x 2 seeds.
  const fs::path valid = fs::path(::testing::TempDir()) / "fuzz_regression_sweep_valid";
  fs::create_directories(valid);
  fs::copy_file(fs::path(GENLAB_SOURCE_DIR) / "fuzz/corpus/sweep_plan/k_seeds.json",
                valid / run::kSweepFile, fs::copy_options::overwrite_existing);
  EXPECT_EQ(run::readSweepPlan(valid).runs.size(), 6U);
}

TEST(FuzzRegressions, NaiveBayesLessonWithoutVarianceSmoothingIsASettingsError) {
  // Found by fuzz_lesson: "var_smoothing": 0 let the first fit (5 points, a class of one) throw
  // a NumericError, not a ConfigError naming the setting, while the trainer was being made.
  const lesson::Lesson lesson = lesson::loadLesson(regression("lesson_nb_var_smoothing_0.json"));
  const std::string message = messageOf<ConfigError>([&] { nb::makeNb(lesson, lesson.seed); });
  EXPECT_TRUE(contains(message,
                       "settings.var_smoothing: 0 adds no variance to the first 5 "
                       "training points: Naive Bayes: feature 1 has zero variance"));
  // The same lesson with the default smoothing trains.
  lesson::Lesson smoothed = lesson;
  smoothed.settings["var_smoothing"] = 1e-9;
  EXPECT_NE(nb::makeNb(smoothed, lesson.seed)->snapshot(), nullptr);
}

}  // namespace
}  // namespace genlab::test
