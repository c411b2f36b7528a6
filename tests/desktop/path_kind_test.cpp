// The "what is this path" classifier behind dropped files and the Open dialog, on real files.

#include "ui/lab/path_kind.h"

#include "core/data/image_datasets.h"
#include "tests/desktop/test_files.h"
#include "ui/lab/data_import.h"
#include "ui/lab/lab_settings.h"

namespace genlab::test {
namespace {

using lab::classifyPath;
using lab::PathKind;
using PathKindTest = DesktopFilesTest;

TEST_F(PathKindTest, LessonsAreKnownByContentNotByName) {
  const fs::path shipped = lesson::assetsDirectory() / "lessons" / "hmm_casino.json";
  EXPECT_EQ(classifyPath(shipped).kind, PathKind::kLesson);
  // The same lesson under a name that says nothing.
  const fs::path renamed = m_dir / "casino.txt";
  fs::copy_file(shipped, renamed);
  EXPECT_EQ(classifyPath(renamed).kind, PathKind::kLesson);
  // JSON that is not a lesson.
  const auto other = classifyPath(write("settings.json", R"({"k": 3, "tol": 1e-6})"));
  EXPECT_EQ(other.kind, PathKind::kUnknown);
  EXPECT_NE(other.why.find("settings.json"), std::string::npos) << other.why;
}

TEST_F(PathKindTest, ARunIsItsFolderOrItsRunJsonAndAFolderOfRunsIsASweep) {
  const fs::path sweep = m_dir / "sweep";
  const fs::path a = recordGmmRun(sweep / "k=2", 1);
  const fs::path b = recordGmmRun(sweep / "k=3", 2);
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());

  const auto folder = classifyPath(a);
  EXPECT_EQ(folder.kind, PathKind::kRun);
  EXPECT_EQ(folder.path, a);
  const auto runJson = classifyPath(b / "run.json");
  EXPECT_EQ(runJson.kind, PathKind::kRun);
  EXPECT_EQ(runJson.path, b) << "a run.json opens its folder";

  const auto whole = classifyPath(sweep);
  EXPECT_EQ(whole.kind, PathKind::kSweep);
  EXPECT_NE(whole.why.find("2 runs"), std::string::npos) << whole.why;

  fs::create_directories(m_dir / "empty");
  EXPECT_EQ(classifyPath(m_dir / "empty").kind, PathKind::kUnknown);
}

TEST_F(PathKindTest, DataFilesAreTheKindsTheLessonsImport) {
  const auto points = classifyPath(write("p.dat", "x,y\n1.5,2\n-3,4e-2\n5,6\n"));
  EXPECT_EQ(points.kind, PathKind::kPoints);
  EXPECT_EQ(classifyPath(fs::path(GENLAB_TEST_DATA_DIR) / "points_header.csv").kind,
            PathKind::kPoints);
  // A CSV whose rows disagree is not points.
  EXPECT_NE(classifyPath(fs::path(GENLAB_TEST_DATA_DIR) / "points_ragged.csv").kind,
            PathKind::kPoints);

  const auto rolls = classifyPath(fs::path(GENLAB_TEST_DATA_DIR) / "hmm_weather.txt");
  EXPECT_EQ(rolls.kind, PathKind::kSequence);
  EXPECT_FALSE(rolls.numbers);
  const auto numbers = classifyPath(write("levels.csv", "0.5\n0.25\n-1\n2\n"));
  EXPECT_EQ(numbers.kind, PathKind::kSequence);
  EXPECT_TRUE(numbers.numbers);

  EXPECT_EQ(classifyPath(writeIdxImages("images.bin", 5, false)).kind, PathKind::kIdxImages);
  EXPECT_EQ(classifyPath(writeIdxImages("images.gz", 5, true)).kind, PathKind::kIdxImages);
  if (const fs::path fashion = data::fashionMnistDirectory(); !fashion.empty()) {
    EXPECT_EQ(classifyPath(fashion / "t10k-images-idx3-ubyte.gz").kind, PathKind::kIdxImages);
    EXPECT_EQ(classifyPath(fashion / "t10k-labels-idx1-ubyte.gz").kind, PathKind::kIdxLabels);
  }
}

TEST_F(PathKindTest, GarbageIsRefusedWithTheReason) {
  std::string noise;
  for (int i = 0; i < 3000; ++i) noise.push_back(static_cast<char>((i * 7919) % 251));
  const auto binary = classifyPath(write("noise.csv", noise));
  EXPECT_EQ(binary.kind, PathKind::kUnknown);
  EXPECT_NE(binary.why.find("noise.csv"), std::string::npos);
  // Prose has too many different words to be a sequence of symbols.
  std::string prose;
  for (int i = 0; i < 200; ++i) prose += "word" + std::to_string(i) + " ";
  EXPECT_EQ(classifyPath(write("notes.txt", prose)).kind, PathKind::kUnknown);
  EXPECT_EQ(classifyPath(write("empty.csv", "")).kind, PathKind::kUnknown);
  EXPECT_EQ(classifyPath(m_dir / "missing.csv").kind, PathKind::kUnknown);
  EXPECT_EQ(classifyPath(write("half.json", "{\"title\": ")).kind, PathKind::kUnknown);
}

TEST_F(PathKindTest, ImportPlansFollowTheModel) {
  const lesson::Lesson gmm =
      lesson::loadLesson(lesson::assetsDirectory() / "lessons" / "gmm_three_blobs.json");
  const fs::path csv = write("p.csv", "1,2\n3,4\n");
  const auto plan = lab::planImport(gmm, classifyPath(csv));
  ASSERT_TRUE(plan.ok) << plan.message;
  EXPECT_EQ(plan.dataset["kind"], "csv");
  EXPECT_EQ(plan.dataset["path"], fs::absolute(csv).string());

  const auto refused = lab::planImport(gmm, classifyPath(writeIdxImages("i.idx", 2, false)));
  EXPECT_FALSE(refused.ok);
  EXPECT_NE(refused.message.find("does not take IDX images"), std::string::npos) << refused.message;

  // Fashion-MNIST's names: the test split and the labels are found beside the training images.
  const lesson::Lesson vae =
      lesson::loadLesson(lesson::assetsDirectory() / "lessons" / "vae_fashion_2d.json");
  writeIdxImages("train-images-idx3-ubyte", 3, false);
  writeIdxImages("t10k-images-idx3-ubyte", 2, false);
  write("train-labels-idx1-ubyte", std::string("\0\0\x08\x01\0\0\0\x03\0\1\2", 11));
  const auto images = lab::planImport(vae, classifyPath(m_dir / "train-images-idx3-ubyte"));
  ASSERT_TRUE(images.ok) << images.message;
  EXPECT_EQ(images.dataset["test_images"], (m_dir / "t10k-images-idx3-ubyte").string());
  EXPECT_EQ(images.dataset["train_labels"], (m_dir / "train-labels-idx1-ubyte").string());
  EXPECT_FALSE(images.dataset.contains("test_labels"));
}

}  // namespace
}  // namespace genlab::test

namespace genlab::test {
namespace {

using RecentFilesTest = DesktopFilesTest;

TEST_F(RecentFilesTest, RecentFilesSurviveTheSettingsFile) {
  lab::LabSettings settings;
  settings.recentFiles = {"/data/blobs.csv", "/runs/gmm-1"};
  settings.save(m_dir / "lab.json");
  EXPECT_EQ(lab::LabSettings::load(m_dir / "lab.json").recentFiles, settings.recentFiles);
  // A hand-edited list of the wrong type is dropped, not fatal.
  write("bad.json", R"({"recent_files": 3, "present": true})");
  const auto bad = lab::LabSettings::load(m_dir / "bad.json");
  EXPECT_TRUE(bad.recentFiles.empty());
  EXPECT_TRUE(bad.present);
}

}  // namespace
}  // namespace genlab::test
