#include "core/run/run_writer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/util/errors.h"
#include "tests/threading/fake_trainer.h"

namespace genlab::test {
namespace {

namespace fs = std::filesystem;

std::string readAll(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class CheckpointingTrainer : public FakeTrainer {
 public:
  using FakeTrainer::FakeTrainer;
  void saveCheckpoint(const fs::path& file) const override {
    std::ofstream(file) << "{\"step\": " << stepsDone() << "}\n";
  }
};

class RunFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("genlab-run-test-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path m_dir;
};

TEST_F(RunFolder, WritesRunJsonMetricsAndCheckpointsAndMarksTheEnd) {
  CheckpointingTrainer trainer(1, nullptr);
  run::RunWriter writer(m_dir, {{"model", "fake"}, {"seed", 1}}, trainer.metricNames());
  EXPECT_EQ(nlohmann::json::parse(readAll(m_dir / "run.json"))["status"], "running");

  std::vector<double> values(2);
  for (int i = 0; i < 3; ++i) {
    trainer.step(values, {});
    writer.appendMetrics(trainer.stepsDone(), values);
  }
  // Rows are on disk as soon as they are appended (a crash loses nothing already logged).
  std::istringstream csv(readAll(m_dir / "metrics.csv"));
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line, "step,value,total");
  int rows = 0;
  double lastTotal = 0.0;
  while (std::getline(csv, line)) {
    ++rows;
    lastTotal = std::stod(line.substr(line.rfind(',') + 1));
  }
  EXPECT_EQ(rows, 3);
  EXPECT_DOUBLE_EQ(lastTotal, values[1]);  // 17 significant digits round-trip a double

  const auto checkpoint = writer.writeCheckpoint(trainer);
  EXPECT_EQ(checkpoint.filename(), "step-00000003.json");
  EXPECT_EQ(nlohmann::json::parse(readAll(checkpoint))["step"], 3);
  writer.finish("interrupted", 3);
  const auto info = nlohmann::json::parse(readAll(m_dir / "run.json"));
  EXPECT_EQ(info["status"], "interrupted");
  EXPECT_EQ(info["steps_done"], 3);
  EXPECT_EQ(info["checkpoints"][0], "checkpoints/step-00000003.json");
  EXPECT_EQ(info["seed"], 1);
  // No temporary files are left behind.
  for (const auto& entry : fs::recursive_directory_iterator(m_dir)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

TEST_F(RunFolder, RefusesToOverwriteAnExistingRun) {
  FakeTrainer trainer(1, nullptr);
  { run::RunWriter first(m_dir, {}, trainer.metricNames()); }
  EXPECT_THROW(run::RunWriter(m_dir, {}, trainer.metricNames()), DataError);
}

}  // namespace
}  // namespace genlab::test
