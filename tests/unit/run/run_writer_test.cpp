#include "core/run/run_writer.h"

#include <gtest/gtest.h>

#include "core/run/metrics_reader.h"
#include "core/run/run_info.h"
#include "core/util/errors.h"
#include "tests/threading/fake_trainer.h"
#include "tests/unit/run/run_test_folder.h"

namespace genlab::test {
namespace {

namespace fs = std::filesystem;
using RunWriterTest = TempFolderTest;

TEST_F(RunWriterTest, WritesRunJsonMetricsAndCheckpointsAndMarksTheEnd) {
  FakeTrainer trainer(1, nullptr);
  const fs::path run = m_dir / "run";
  run::RunWriter writer(run, {{"model", "fake"}, {"seed", 1}}, trainer.metricNames());
  EXPECT_EQ(nlohmann::json::parse(readAll(run / "run.json"))["status"], "running");

  std::vector<double> values(2);
  for (int i = 0; i < 3; ++i) {
    trainer.step(values, {});
    writer.appendMetrics(trainer.stepsDone(), values);
  }
  const auto checkpoint = writer.writeCheckpoint(trainer);
  EXPECT_EQ(checkpoint.filename(), "step-00000003.json");  // named by what it holds
  // Every row up to the checkpoint is on disk once the checkpoint is recorded.
  run::MetricsFileReader reader(run / "metrics.csv");
  reader.poll();
  ASSERT_EQ(reader.rows().size(), 3u);
  EXPECT_TRUE(reader.hasWallTime());
  EXPECT_EQ(reader.columns(), trainer.metricNames());
  EXPECT_EQ(reader.rows()[2].values[1], values[1]);  // 17 significant digits: exact

  writer.finish("interrupted", 3);
  const auto info = run::readRunInfo(run);
  EXPECT_EQ(info.recordedStatus, "interrupted");
  EXPECT_EQ(info.stepsDone, 3);
  ASSERT_EQ(info.checkpoints.size(), 1u);
  EXPECT_EQ(info.checkpoints[0].step, 3);
  EXPECT_GT(info.checkpoints[0].bytes, 0u);
  EXPECT_EQ(info.seed, 1u);
  for (const auto& entry : fs::recursive_directory_iterator(run))
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
}

TEST_F(RunWriterTest, RefusesToOverwriteAnExistingRun) {
  FakeTrainer trainer(1, nullptr);
  { run::RunWriter first(m_dir / "run", {{"model", "fake"}}, trainer.metricNames()); }
  EXPECT_THROW(run::RunWriter(m_dir / "run", {{"model", "fake"}}, trainer.metricNames()),
               DataError);
}

TEST_F(RunWriterTest, ResumeTrimsMetricsAndLaterCheckpointsAndContinuesTheClock) {
  FakeTrainer trainer(7, nullptr);
  const fs::path run = m_dir / "run";
  std::vector<double> values(2);
  {
    run::RunWriter writer(run, {{"model", "fake"}}, trainer.metricNames());
    for (int i = 0; i < 10; ++i) {
      trainer.step(values, {});
      writer.appendMetrics(trainer.stepsDone(), values);
      if (trainer.stepsDone() == 4 || trainer.stepsDone() == 8) writer.writeCheckpoint(trainer);
    }
    // Killed here: rows 9 and 10 are written, their checkpoint never was; a torn row follows.
  }
  appendText(run / "metrics.csv", "11,0.5,1.2");

  auto writer = run::RunWriter::resume(run, 4);
  run::MetricsFileReader reader(run / "metrics.csv");
  reader.poll();
  ASSERT_EQ(reader.rows().size(), 4u);
  EXPECT_EQ(reader.rows().back().step, 4);
  EXPECT_FALSE(reader.hasIncompleteLine());
  const auto info = run::readRunInfo(run);
  ASSERT_EQ(info.checkpoints.size(), 1u);  // step 8 belonged to the history being replaced
  EXPECT_EQ(info.checkpoints[0].step, 4);
  EXPECT_EQ(info.recordedStatus, "running");
  EXPECT_EQ(info.status, "running");  // this process holds it
  EXPECT_EQ(info.raw["events"].back()["kind"], "resumed");

  writer->appendMetrics(5, values);
  writer->finish("finished", 5);
  run::MetricsFileReader after(run / "metrics.csv");
  after.poll();
  ASSERT_EQ(after.rows().size(), 5u);
  EXPECT_GE(after.rows()[4].wallSeconds, after.rows()[3].wallSeconds);  // the clock continues
}

TEST_F(RunWriterTest, ResumeNeedsACheckpointAtThatStep) {
  FakeTrainer trainer(7, nullptr);
  { run::RunWriter writer(m_dir / "run", {{"model", "fake"}}, trainer.metricNames()); }
  try {
    run::RunWriter::resume(m_dir / "run", 3);
    FAIL() << "resumed from a step with no checkpoint";
  } catch (const DataError& error) {
    EXPECT_NE(std::string(error.what()).find("no checkpoint at step 3"), std::string::npos)
        << error.what();
  }
}

TEST_F(RunWriterTest, DefaultFolderNamesNeverCollide) {
  const auto a = run::defaultRunFolder("lesson", m_dir);
  fs::create_directories(a);
  const auto b = run::defaultRunFolder("lesson", m_dir);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.parent_path(), m_dir);
}

}  // namespace
}  // namespace genlab::test
