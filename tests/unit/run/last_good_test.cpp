// Training that fails keeps its last good step, for every model family: the session pauses on
// it, the run folder gets a checkpoint of it at once (off the checkpoint schedule) and a
// run.json naming the quantity and the step, the checkpoint equals the state in memory and
// trains on, and after a setting changes the session trains on from that step with metrics
// that continue without a gap. The failure is forced with the documented testing hook
// (core/util/non_finite.h), at a quantity each trainer really checks.

#include <gtest/gtest.h>

#include <cmath>

#include "core/lesson/lesson.h"
#include "core/models/registry.h"
#include "core/platform/threading.h"
#include "core/run/metrics_reader.h"
#include "core/run/run_info.h"
#include "core/run/run_recorder.h"
#include "core/train/session.h"
#include "core/util/non_finite.h"
#include "tests/unit/run/run_test_folder.h"

namespace genlab::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using LastGoodTest = TempFolderTest;

struct Family {
  const char* lesson;
  std::vector<std::string> overrides;  // keep it small and from converging early
  const char* quantity;                // a quantity the trainer checks
  std::int64_t failAt;
  const char* key;  // the setting changed before resuming
  nlohmann::json value;
};

void expectLastGoodKept(const fs::path& dir, const Family& family) {
  platform::applyThreadPolicy(platform::ThreadMode::kHeadless);
  const lesson::Lesson original =
      lesson::loadLesson(lesson::assetsDirectory() / "lessons" / family.lesson);
  lesson::Lesson lesson = original;
  lesson::applyOverrides(lesson, family.overrides);
  const std::int64_t lastGood = family.failAt - 1;
  const fs::path folder = dir / "run";
  run::RecorderOptions options;
  options.folder = folder;
  options.overrides = family.overrides;
  // A sparse schedule, so the checkpoint of the last good step can only come from the failure.
  options.checkpoints.maxSecondsBetween = 1e9;
  options.checkpoints.maxTimeShare = 1e-9;
  options.checkpoints.freeSeconds = 0.0;
  auto recorder = std::make_shared<run::RunRecorder>(original, options);
  train::SessionOptions sessionOptions;
  sessionOptions.observer = recorder;

  setInjectedNonFinite(std::string(family.quantity) + "@" + std::to_string(family.failAt));
  const fs::path memory = dir / "memory";
  fs::create_directories(memory);
  {
    train::Session session([&](std::uint64_t seed) { return models::makeTrainer(lesson, seed); },
                           lesson.seed, sessionOptions);
    session.stepN(static_cast<int>(family.failAt + 5));
    ASSERT_TRUE(session.waitUntilIdle(120s));

    // Paused at the last good step, saying why.
    ASSERT_EQ(session.state(), train::RunState::kFailed) << family.lesson;
    EXPECT_EQ(session.stepsDone(), lastGood);
    EXPECT_EQ(session.latest()->step, lastGood);
    const auto failure = session.failure();
    ASSERT_TRUE(failure);
    EXPECT_EQ(failure->quantity, family.quantity);
    EXPECT_EQ(failure->step, family.failAt);
    EXPECT_NE(failure->message.find(std::string(family.quantity) + " became NaN at step " +
                                    std::to_string(family.failAt)),
              std::string::npos)
        << failure->message;

    // On disk: marked failed, naming the quantity and the step, with the last good checkpoint.
    const run::RunInfo info = run::readRunInfo(folder);
    EXPECT_EQ(info.recordedStatus, "failed");
    EXPECT_EQ(info.raw["failure"]["quantity"], family.quantity);
    EXPECT_EQ(info.raw["failure"]["failed_step"], family.failAt);
    EXPECT_EQ(info.raw["failure"]["last_good_step"], lastGood);
    ASSERT_FALSE(info.checkpoints.empty());
    EXPECT_EQ(info.checkpoints.back().step, lastGood);
    const fs::path onDisk = folder / info.checkpoints.back().file;
    EXPECT_EQ(info.raw["failure"]["checkpoint"], info.checkpoints.back().file.generic_string());
    // The schedule alone would have kept only step 0: the failure wrote this one.
    EXPECT_EQ(info.checkpoints.size(), 2u);

    // It holds exactly what the paused trainer holds: saved again now, byte for byte the same
    // file (under the temporary name the writer used: a torch archive records its own name).
    const fs::path again = memory / ("." + onDisk.filename().string() + ".tmp");
    session.post([&](train::Trainer& trainer) { trainer.saveCheckpoint(again); });
    ASSERT_TRUE(session.waitUntilIdle(60s));
    EXPECT_EQ(readAll(again), readAll(onDisk)) << onDisk;

    // It loads into a fresh trainer, which trains on with finite numbers.
    auto fresh = models::makeTrainer(lesson, lesson.seed);
    fresh->loadCheckpoint(onDisk);
    // And trains on with finite numbers.
    EXPECT_EQ(fresh->stepsDone(), lastGood);
    std::vector<double> values(fresh->metricNames().size(), 0.0);
    fresh->step(values, {});
    EXPECT_TRUE(std::isfinite(values[0])) << fresh->metricNames()[0] << " " << values[0];

    // A setting changed, it trains on from the last good step.
    session.setParam(family.key, family.value);
    session.stepN(3);
    ASSERT_TRUE(session.waitUntilIdle(120s));
    EXPECT_EQ(session.stepsDone(), family.failAt + 2);
    EXPECT_FALSE(session.failure());
    std::vector<train::MetricsRow> rows;
    session.metrics().readSince(0, rows);
    ASSERT_EQ(rows.size(), static_cast<std::size_t>(family.failAt + 2));
    for (std::size_t i = 0; i < rows.size(); ++i)
      EXPECT_EQ(rows[i].step, static_cast<std::int64_t>(i + 1));
  }

  // The run goes on in the same folder, its metrics whole, and says what happened.
  const run::RunInfo info = run::readRunInfo(folder);
  EXPECT_EQ(info.recordedStatus, "finished");
  EXPECT_EQ(info.stepsDone, family.failAt + 2);
  EXPECT_FALSE(info.raw.contains("failure"));
  std::vector<std::string> kinds;
  for (const auto& event : info.raw["events"]) kinds.push_back(event["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"failed", "setting", "continued"}));
  run::MetricsFileReader metrics(folder / "metrics.csv");
  metrics.poll();
  ASSERT_EQ(metrics.rows().size(), static_cast<std::size_t>(family.failAt + 2));
  for (std::size_t i = 0; i < metrics.rows().size(); ++i)
    EXPECT_EQ(metrics.rows()[i].step, static_cast<std::int64_t>(i + 1));
}

TEST_F(LastGoodTest, Gmm) {
  expectLastGoodKept(m_dir, {"gmm_three_blobs.json", {"tol=0"}, "log-likelihood", 4, "tol", 1e-9});
}

TEST_F(LastGoodTest, Hmm) {
  expectLastGoodKept(m_dir, {"hmm_casino.json", {"tol=0"}, "transition matrix", 3, "tol", 1e-9});
}

TEST_F(LastGoodTest, Vae) {
  expectLastGoodKept(m_dir, {"vae_shapes_beta.json",
                             {"batch=16", "hidden=32", "eval_every=1000"},
                             "VAE gradient",
                             3,
                             "lr",
                             5e-4});
}

TEST_F(LastGoodTest, Gan) {
  expectLastGoodKept(m_dir, {"gan_ring.json",
                             {"batch=32", "g_width=16", "d_width=16"},
                             "generator loss",
                             6,
                             "lr_g",
                             5e-4});
}

}  // namespace
}  // namespace genlab::test
