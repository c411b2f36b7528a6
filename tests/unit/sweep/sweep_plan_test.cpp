// The sweep plan: run i <-> grid point and seed in the documented order, folder names, the
// round trip through sweep.json, and the --grid parser's errors.

#include "core/run/sweep_plan.h"

#include <gtest/gtest.h>

#include "core/util/errors.h"
#include "tests/error_message.h"
#include "tests/unit/run/run_test_folder.h"

namespace genlab::run {
namespace {

using test::messageOf;

TEST(SweepGrid, SplitsAtTopLevelCommasAndTypesValuesAsTrainSetDoes) {
  const SweepAxis axis = parseGridItem("hidden=[64,32],[128],full,0.5,true");
  EXPECT_EQ(axis.key, "hidden");
  ASSERT_EQ(axis.values.size(), 5u);
  EXPECT_EQ(axis.values[0], nlohmann::ordered_json::array({64, 32}));
  EXPECT_EQ(axis.values[1], nlohmann::ordered_json::array({128}));
  EXPECT_EQ(axis.values[2], "full");
  EXPECT_DOUBLE_EQ(axis.values[3].get<double>(), 0.5);
  EXPECT_EQ(axis.values[4], true);
  EXPECT_EQ(axis.texts[0], "[64,32]");
}

TEST(SweepGrid, RefusesMalformedItemsNamingThem) {
  EXPECT_EQ(messageOf<ConfigError>([] { parseGridItem("k"); }),
            "--grid k: expected key=value1,value2,...");
  EXPECT_EQ(messageOf<ConfigError>([] { parseGridItem("=3"); }),
            "--grid =3: expected key=value1,value2,...");
  EXPECT_EQ(messageOf<ConfigError>([] { parseGridItem("k=2,,3"); }),
            "--grid k: an empty value (in \"k=2,,3\")");
  EXPECT_EQ(messageOf<ConfigError>([] {
              makeSweepPlan("l.json", {parseGridItem("k=2"), parseGridItem("k=3")}, 1, 0, 10);
            }),
            "--grid k: the key is given twice");
  EXPECT_EQ(
      messageOf<ConfigError>([] { makeSweepPlan("l.json", {parseGridItem("k=2")}, 0, 0, 10); }),
      "--seeds: 0 must be at least 1");
}

TEST(SweepGrid, RefusesMoreRunsThanTheCapBeforeListingThem) {
  // 10^5 grid points are allowed with one seed; 10 seeds make 10^6 runs (fuzz_sweep_plan found
  // grids whose run count overflowed an int before any check).
  const SweepAxis ten = parseGridItem("a=0,1,2,3,4,5,6,7,8,9");
  std::vector<SweepAxis> axes;
  for (const char* key : {"a", "b", "c", "d", "e"}) {
    axes.push_back(ten);
    axes.back().key = key;
  }
  EXPECT_EQ(makeSweepPlan("l.json", axes, 1, 0, 10).runs.size(), 100'000U);
  EXPECT_EQ(messageOf<ConfigError>([&] { makeSweepPlan("l.json", axes, 10, 0, 10); }),
            "sweep: the grid times 10 seed(s) makes more than 100000 runs");
  for (const char* key : {"f", "g", "h", "i", "j"}) {
    axes.push_back(ten);
    axes.back().key = key;
  }
  EXPECT_EQ(messageOf<ConfigError>([&] { makeSweepPlan("l.json", axes, 1, 0, 10); }),
            "sweep: the grid times 1 seed(s) makes more than 100000 runs");
}

TEST(SweepPlanOrder, SeedsOutermostThenKeysInOrderLastFastest) {
  const SweepPlan plan = makeSweepPlan(
      "/l.json", {parseGridItem("k=2,3,4"), parseGridItem("covariance=full,diag")}, 2, 7, 50);
  ASSERT_EQ(plan.runs.size(), 12u);
  EXPECT_EQ(plan.gridPoints(), 6);
  // Enumerated independently: for seed index, for k, for covariance.
  int index = 0;
  for (int s = 0; s < 2; ++s)
    for (int k : {2, 3, 4})
      for (const char* covariance : {"full", "diag"}) {
        const SweepRunPlan& run = plan.runs[static_cast<std::size_t>(index)];
        EXPECT_EQ(run.index, index);
        EXPECT_EQ(run.gridPoint, index % 6);
        EXPECT_EQ(run.seedIndex, s);
        EXPECT_EQ(run.seed, 7u + static_cast<unsigned>(s));
        EXPECT_EQ(run.settings.at("k"), k);
        EXPECT_EQ(run.settings.at("covariance"), covariance);
        EXPECT_EQ(run.overrides,
                  (std::vector<std::string>{"k=" + std::to_string(k),
                                            std::string("covariance=") + covariance}));
        ++index;
      }
  EXPECT_EQ(plan.runs[3].folder, "003_k=3_covariance=diag_seed=7");
  EXPECT_EQ(plan.runs[11].folder, "011_k=4_covariance=diag_seed=8");
}

TEST(SweepPlanOrder, FolderNamesAreSafeAndPaddedToTheSweepsSize) {
  nlohmann::ordered_json settings;
  settings["path"] = "a/b c";
  settings["hidden"] = nlohmann::ordered_json::array({64, 32});
  EXPECT_EQ(runFolderName(7, 1500, settings, 3), "0007_path=a_b_c_hidden=_64_32__seed=3");
  EXPECT_EQ(runFolderName(7, 12, settings, 3).substr(0, 4), "007_");
}

class SweepFile : public test::TempFolderTest {};

TEST_F(SweepFile, RoundTripsAndKeepsTheKeyOrder) {
  const SweepPlan plan =
      makeSweepPlan("/x/l.json", {parseGridItem("z=1,2"), parseGridItem("a=x,y")}, 3, 5, 40);
  writeSweepPlan(plan, m_dir);
  const std::string text = test::readAll(m_dir / kSweepFile);
  EXPECT_LT(text.find("\"z\""), text.find("\"a\""));
  const SweepPlan back = readSweepPlan(m_dir);
  EXPECT_EQ(sweepPlanToJson(back), sweepPlanToJson(plan));
  const auto doc = nlohmann::json::parse(text);
  EXPECT_EQ(doc.at("points").size(), 12u);
  EXPECT_EQ(doc.at("points")[5].at("run"), plan.runs[5].folder);
  EXPECT_EQ(doc.at("points")[5].at("seed"), 6);
  EXPECT_EQ(doc.at("lesson"), "/x/l.json");
}

TEST_F(SweepFile, RefusesAMissingOrEditedFileNamingIt) {
  EXPECT_EQ(messageOf<DataError>([&] { readSweepPlan(m_dir); }),
            m_dir.string() + ": not a sweep folder (no sweep.json)");
  const SweepPlan plan = makeSweepPlan("/x/l.json", {parseGridItem("k=1,2")}, 1, 0, 40);
  auto doc = sweepPlanToJson(plan);
  doc["points"][1]["seed"] = 99;
  test::writeText(m_dir / kSweepFile, doc.dump());
  EXPECT_EQ(messageOf<DataError>([&] { readSweepPlan(m_dir); }),
            (m_dir / kSweepFile).string() + ": points do not match the grid and seeds");
}

}  // namespace
}  // namespace genlab::run
