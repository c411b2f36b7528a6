#include "core/run/sweep_catalog.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "core/util/errors.h"
#include "tests/unit/run/run_test_folder.h"

namespace genlab::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using SweepCatalogTest = TempFolderTest;

// A finished run folder with `settings`, `seed` and one metrics row per (step, value).
void writeRun(const fs::path& folder, const json& settings, std::uint64_t seed,
              const std::vector<std::pair<int, double>>& loss, const std::string& extra = "") {
  writeText(folder / "run.json", json{{"format", 2},
                                      {"model", "gmm"},
                                      {"status", "finished"},
                                      {"lesson_id", "blobs"},
                                      {"seed", seed},
                                      {"settings", settings},
                                      {"metrics", {"loss"}}}
                                     .dump());
  std::string csv = "step,wall_time,loss\n";
  for (const auto& [step, value] : loss)
    csv += std::to_string(step) + ",0.1," + std::to_string(value) + "\n";
  writeText(folder / "metrics.csv", csv + extra);
}

run::SweepMeasure finalLoss() {
  return {"loss", run::SweepStatistic::kFinal, 0, true};
}

TEST_F(SweepCatalogTest, RunsThatDifferOnlyInSeedAreOnePointAndTheMeanAndSdAreOverSeeds) {
  // lr is swept (3 values, one of them as 1 and 1.0), k is the same everywhere, seeds 1 and 2.
  writeRun(m_dir / "a", {{"lr", 0.1}, {"k", 3}}, 1, {{1, 5.0}, {2, 4.0}});
  writeRun(m_dir / "b", {{"lr", 0.1}, {"k", 3}}, 2, {{1, 5.0}, {2, 2.0}});
  writeRun(m_dir / "c", {{"lr", 0.01}, {"k", 3}}, 2, {{1, 9.0}, {2, 7.0}});
  writeRun(m_dir / "d", {{"lr", 0.01}, {"k", 3}}, 1, {{1, 9.0}, {2, 8.0}});
  writeRun(m_dir / "e", {{"lr", 1}, {"k", 3}}, 1, {{1, 1.0}});
  writeRun(m_dir / "f", {{"lr", 1.0}, {"k", 3}}, 2, {{1, 4.0}});
  writeRun(m_dir / "g", {{"lr", 1.0}, {"k", 3}}, 3, {{1, 7.0}});

  const run::SweepCatalog sweep = run::readSweep(m_dir);
  ASSERT_EQ(sweep.runs.size(), 7u);
  ASSERT_EQ(sweep.settings.size(), 1u);  // k does not differ
  EXPECT_EQ(sweep.settings[0].key, "lr");
  EXPECT_TRUE(sweep.settings[0].numeric);
  EXPECT_TRUE(sweep.settings[0].logScale);  // 0.01 .. 1 spans two decades
  ASSERT_EQ(sweep.points.size(), 3u);
  // Ascending values without sweep.json.
  EXPECT_DOUBLE_EQ(sweep.points[0].values[0].get<double>(), 0.01);
  EXPECT_DOUBLE_EQ(sweep.points[1].values[0].get<double>(), 0.1);
  EXPECT_DOUBLE_EQ(sweep.points[2].values[0].get<double>(), 1.0);
  // Runs of a point by seed.
  ASSERT_EQ(sweep.points[0].runs.size(), 2u);
  EXPECT_EQ(sweep.runs[sweep.points[0].runs[0]].name, "d");
  EXPECT_EQ(sweep.runs[sweep.points[0].runs[1]].name, "c");

  const auto low = run::pointStats(sweep, sweep.points[0], finalLoss());
  EXPECT_DOUBLE_EQ(low.mean, 7.5);
  EXPECT_NEAR(low.sd, std::sqrt(0.5), 1e-12);  // sample sd of {8, 7}
  EXPECT_DOUBLE_EQ(low.min, 7.0);
  EXPECT_DOUBLE_EQ(low.max, 8.0);
  const auto mid = run::pointStats(sweep, sweep.points[1], finalLoss());
  EXPECT_DOUBLE_EQ(mid.mean, 3.0);
  EXPECT_NEAR(mid.sd, std::sqrt(2.0), 1e-12);  // {4, 2}
  const auto high = run::pointStats(sweep, sweep.points[2], finalLoss());
  ASSERT_EQ(high.values.size(), 3u);
  EXPECT_DOUBLE_EQ(high.mean, 4.0);
  EXPECT_NEAR(high.sd, 3.0, 1e-12);  // {1, 4, 7}
}

TEST_F(SweepCatalogTest, BestAndAtStepFollowTheMetricsRows) {
  writeRun(m_dir / "a", {{"beta", 1}}, 1, {{1, 5.0}, {2, 1.0}, {3, 3.0}, {4, 2.0}});
  writeRun(m_dir / "b", {{"beta", 4}}, 1, {{1, 6.0}, {2, 8.0}});
  const run::SweepCatalog sweep = run::readSweep(m_dir);
  ASSERT_EQ(sweep.points.size(), 2u);
  const run::SweepRun& a = sweep.runs[sweep.points[0].runs[0]];
  const run::SweepRun& b = sweep.runs[sweep.points[1].runs[0]];

  EXPECT_EQ(run::runValue(a, finalLoss()), 2.0);
  EXPECT_EQ(run::runValue(a, {"loss", run::SweepStatistic::kBest, 0, true}), 1.0);
  EXPECT_EQ(run::runValue(a, {"loss", run::SweepStatistic::kBest, 0, false}), 5.0);
  EXPECT_EQ(run::runValue(a, {"loss", run::SweepStatistic::kAtStep, 3, true}), 3.0);
  // Before the first row: no value. After the run ended: its last value.
  EXPECT_FALSE(run::runValue(a, {"loss", run::SweepStatistic::kAtStep, 0, true}));
  EXPECT_EQ(run::runValue(b, {"loss", run::SweepStatistic::kAtStep, 10, true}), 8.0);
  EXPECT_FALSE(run::runValue(a, {"accuracy", run::SweepStatistic::kFinal, 0, true}));
  EXPECT_EQ(sweep.lastStep, 4);
}

TEST_F(SweepCatalogTest, SweepJsonOrdersSettingsAndValuesAndTwoSettingsMakeAGrid) {
  // z before a in the grid, and the values of z in the grid's (not ascending) order.
  for (const int z : {3, 1, 2})
    for (const char* a : {"full", "diag"})
      for (const int seed : {1, 2}) {
        char name[32];
        std::snprintf(name, sizeof name, "z%d%s%d", z, a, seed);
        writeRun(m_dir / name, {{"z", z}, {"a", a}, {"tol", 1e-6}},
                 static_cast<std::uint64_t>(seed), {{1, z * 10.0 + seed}});
      }
  writeText(m_dir / "sweep.json",
            R"({"lesson": "x.json", "grid": {"z": [3, 1, 2], "a": ["full", "diag"]},
                "seeds": 2, "steps": 1, "points": []})");
  const run::SweepCatalog sweep = run::readSweep(m_dir);
  ASSERT_EQ(sweep.settings.size(), 2u);
  EXPECT_EQ(sweep.settings[0].key, "z");
  EXPECT_EQ(sweep.settings[1].key, "a");
  EXPECT_FALSE(sweep.settings[1].numeric);
  EXPECT_FALSE(sweep.settings[0].logScale);
  ASSERT_EQ(sweep.points.size(), 6u);
  EXPECT_EQ(sweep.points[0].label, "z=3, a=full");
  EXPECT_EQ(sweep.points[1].label, "z=3, a=diag");
  EXPECT_EQ(sweep.points[2].label, "z=1, a=full");
  const auto stats = run::pointStats(sweep, sweep.points[2], finalLoss());
  EXPECT_DOUBLE_EQ(stats.mean, 11.5);  // seeds 1 and 2 of z=1
  EXPECT_TRUE(run::isSweepFolder(m_dir));
  EXPECT_FALSE(run::isSweepFolder(m_dir / "z1full1"));  // a run folder
}

TEST_F(SweepCatalogTest, BrokenRunsAreSkippedAndNamedAndAnEmptyFolderIsRefused) {
  writeRun(m_dir / "good1", {{"k", 2}}, 1, {{1, 1.0}}, "2,0.1,oops\n");
  writeRun(m_dir / "good2", {{"k", 3}}, 1, {{1, 2.0}});
  writeText(m_dir / "broken" / "run.json", "{ not json");
  const run::SweepCatalog sweep = run::readSweep(m_dir);
  EXPECT_EQ(sweep.runs.size(), 2u);
  bool namedBroken = false, namedRow = false;
  for (const auto& problem : sweep.problems) {
    namedBroken = namedBroken || problem.find("broken") != std::string::npos;
    namedRow = namedRow || problem.find("metrics.csv:3") != std::string::npos;
  }
  EXPECT_TRUE(namedBroken);
  EXPECT_TRUE(namedRow);

  fs::create_directories(m_dir / "empty" / "sub");
  try {
    run::readSweep(m_dir / "empty");
    FAIL() << "an empty folder read as a sweep";
  } catch (const DataError& error) {
    EXPECT_NE(std::string(error.what()).find("empty"), std::string::npos);
  }
  EXPECT_THROW(run::readSweep(m_dir / "good1"), DataError);
}

TEST(SweepMetricDirection, LossesAreLowerAndLikelihoodsHigher) {
  EXPECT_EQ(run::lowerIsBetter("loss_g"), true);
  EXPECT_EQ(run::lowerIsBetter("kl"), true);
  EXPECT_EQ(run::lowerIsBetter("log_likelihood"), false);
  EXPECT_EQ(run::lowerIsBetter("test_elbo"), false);
  EXPECT_FALSE(run::lowerIsBetter("beta").has_value());
}

}  // namespace
}  // namespace genlab::test
