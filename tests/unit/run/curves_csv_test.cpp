// Curves of several runs in one table: one column per run and metric, one row per step any run
// logged, empty cells where a run has none, values that read back as the same doubles.

#include "core/run/curves_csv.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include "core/util/errors.h"
#include "tests/error_message.h"

namespace genlab::test {
namespace {

std::vector<std::string> lines(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) out.push_back(cell);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

class CurvesCsvTest : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove(m_file); }
  std::filesystem::path m_file =
      std::filesystem::temp_directory_path() / "genlab_curves_csv_test.csv";
};

TEST_F(CurvesCsvTest, StepsAreTheUnionAndMissingValuesAreEmpty) {
  const double third = 1.0 / 3.0;
  run::CurveSource a{"a", {"loss", "kl"}, {{1, 0.0, {0.5, third}}, {3, 0.0, {0.25, 1e-300}}}};
  run::CurveSource b{
      "b", {"loss"}, {{2, 0.0, {std::numeric_limits<double>::quiet_NaN()}}, {3, 0.0, {-7.0}}}};
  run::writeCurvesCsv({a, b}, m_file);
  const auto rows = lines(m_file);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], "step,a/loss,a/kl,b/loss");
  const auto r1 = cells(rows[1]);
  ASSERT_EQ(r1.size(), 4u);
  EXPECT_EQ(r1[0], "1");
  EXPECT_EQ(std::stod(r1[1]), 0.5);
  EXPECT_EQ(std::stod(r1[2]), third);  // exact: the shortest form that reads back the same
  EXPECT_EQ(r1[3], "");
  EXPECT_EQ(cells(rows[2]), (std::vector<std::string>{"2", "", "", "nan"}));
  const auto r3 = cells(rows[3]);
  EXPECT_EQ(std::stod(r3[2]), 1e-300);
  EXPECT_EQ(std::stod(r3[3]), -7.0);
}

TEST_F(CurvesCsvTest, ALaterRowForTheSameStepWins) {
  run::CurveSource a{"a", {"x"}, {{5, 0.0, {1.0}}, {5, 0.0, {2.0}}}};
  run::writeCurvesCsv({a}, m_file);
  EXPECT_EQ(lines(m_file), (std::vector<std::string>{"step,a/x", "5,2"}));
}

TEST_F(CurvesCsvTest, NamesWithCommasAreQuoted) {
  run::CurveSource a{"k=3, seed 1", {"x"}, {{0, 0.0, {1.0}}}};
  run::writeCurvesCsv({a}, m_file);
  EXPECT_EQ(lines(m_file)[0], "step,\"k=3, seed 1/x\"");
}

TEST_F(CurvesCsvTest, AnUnwritablePathIsNamed) {
  EXPECT_EQ(messageOf<DataError>([] { run::writeCurvesCsv({}, "/nonexistent-folder/curves.csv"); }),
            "cannot write /nonexistent-folder/curves.csv: cannot create the file");
}

TEST_F(CurvesCsvTest, AFolderThatIsNotARunIsNamed) {
  const auto folder = std::filesystem::temp_directory_path();
  EXPECT_EQ(messageOf<DataError>([&] { run::readCurveSources({folder}); }),
            folder.string() + " is not a run folder (no run.json)");
}

}  // namespace
}  // namespace genlab::test
