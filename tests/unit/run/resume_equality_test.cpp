// A run stopped and resumed from its checkpoint must log exactly the metrics an uninterrupted
// run logs from that step on. Exercised through a real run folder: the resumed trainer is
// rebuilt from run.json alone (its recorded lesson, overrides and seed), as `genlab train
// --resume` and the lab do.

#include <gtest/gtest.h>

#include "core/lesson/lesson.h"
#include "core/models/registry.h"
#include "core/platform/threading.h"
#include "core/run/metrics_reader.h"
#include "core/run/run_info.h"
#include "core/run/run_recorder.h"
#include "core/run/run_restore.h"
#include "tests/unit/run/run_test_folder.h"

namespace genlab::test {
namespace {

namespace fs = std::filesystem;
using ResumeEquality = TempFolderTest;

std::vector<train::MetricsRow> trainAndRecord(train::Trainer& trainer, run::RunRecorder& recorder,
                                              std::int64_t untilStep) {
  std::vector<train::MetricsRow> rows;
  std::vector<double> values(trainer.metricNames().size());
  while (trainer.stepsDone() < untilStep) {
    trainer.step(values, {});
    recorder.stepped(trainer, values);
    rows.push_back({trainer.stepsDone(), 0.0, values});
  }
  return rows;
}

// Trains `steps` straight through, and separately `stopAt` steps, "kills" the run (no clean
// end: the newest checkpoint is whatever the schedule wrote), resumes it from run.json and
// trains on to `steps`. Returns both metric series from their run folders.
void expectResumeEqualsUninterrupted(const fs::path& dir, const std::string& lessonName,
                                     const std::vector<std::string>& overrides, std::int64_t steps,
                                     std::int64_t stopAt) {
  platform::applyThreadPolicy(platform::ThreadMode::kHeadless);
  const lesson::Lesson original =
      lesson::loadLesson(lesson::assetsDirectory() / "lessons" / lessonName);
  lesson::Lesson lesson = original;
  lesson::applyOverrides(lesson, overrides);

  run::RecorderOptions options;
  options.overrides = overrides;
  options.folder = dir / "straight";
  run::RunRecorder straightRecorder(original, options);
  auto straight = models::makeTrainer(lesson, lesson.seed);
  straightRecorder.trainerStarted(*straight, lesson.seed);
  trainAndRecord(*straight, straightRecorder, steps);
  straightRecorder.endRun(*straight, "finished");

  options.folder = dir / "killed";
  std::int64_t resumedFrom = 0;
  {
    run::RunRecorder recorder(original, options);
    auto trainer = models::makeTrainer(lesson, lesson.seed);
    recorder.trainerStarted(*trainer, lesson.seed);
    trainAndRecord(*trainer, recorder, stopAt);
    // No endRun: the process "died" here, leaving rows after the newest checkpoint.
  }
  {
    const run::RunInfo info = run::readRunInfo(dir / "killed");
    run::RestoredTrainer restored = run::restoreTrainer(info);
    ASSERT_TRUE(restored.problems.empty());
    resumedFrom = restored.checkpoint.step;
    EXPECT_LE(resumedFrom, stopAt);
    run::RecorderOptions resume;
    resume.resumeFolder = dir / "killed";
    run::RunRecorder recorder(run::runLesson(info), resume);
    recorder.trainerStarted(*restored.trainer, info.seed);
    trainAndRecord(*restored.trainer, recorder, steps);
    recorder.endRun(*restored.trainer, "finished");
  }

  run::MetricsFileReader a(dir / "straight" / "metrics.csv");
  run::MetricsFileReader b(dir / "killed" / "metrics.csv");
  a.poll();
  b.poll();
  ASSERT_EQ(a.rows().size(), static_cast<std::size_t>(steps));
  ASSERT_EQ(b.rows().size(), static_cast<std::size_t>(steps));
  for (std::size_t i = 0; i < a.rows().size(); ++i) {
    ASSERT_EQ(a.rows()[i].step, b.rows()[i].step);
    for (std::size_t c = 0; c < a.rows()[i].values.size(); ++c) {
      // Bit for bit: EXPECT_EQ, not NEAR.
      ASSERT_EQ(a.rows()[i].values[c], b.rows()[i].values[c])
          << lessonName << " step " << a.rows()[i].step << " metric " << c << " (resumed from step "
          << resumedFrom << ")";
    }
  }
}

TEST_F(ResumeEquality, GmmFullCovariance) {
  expectResumeEqualsUninterrupted(m_dir, "gmm_three_blobs.json", {"tol=0", "max_iter=100000"}, 120,
                                  77);
}

TEST_F(ResumeEquality, GmmDiagonalAndFiveDimensions) {
  expectResumeEqualsUninterrupted(m_dir, "gmm_pca_5d.json",
                                  {"tol=0", "max_iter=100000", "covariance=diag"}, 60, 33);
}

TEST_F(ResumeEquality, HmmCasino) {
  expectResumeEqualsUninterrupted(m_dir, "hmm_casino.json", {"tol=0", "max_iter=100000"}, 60, 41);
}

TEST_F(ResumeEquality, HmmGaussianRegimes) {
  expectResumeEqualsUninterrupted(m_dir, "hmm_regimes.json", {"tol=0", "max_iter=100000"}, 30, 17);
}

}  // namespace
}  // namespace genlab::test
