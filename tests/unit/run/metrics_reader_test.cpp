#include "core/run/metrics_reader.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/unit/run/run_test_folder.h"

namespace genlab::test {
namespace {

using MetricsReaderTest = TempFolderTest;

TEST_F(MetricsReaderTest, HoldsBackAnIncompleteLastLineUntilItIsWhole) {
  const auto file = m_dir / "metrics.csv";
  writeText(file, "step,wall_time,loss\n1,0.1,2.5\n2,0.2,2.");
  run::MetricsFileReader reader(file);
  EXPECT_TRUE(reader.poll());
  ASSERT_EQ(reader.rows().size(), 1u);
  EXPECT_TRUE(reader.hasIncompleteLine());
  EXPECT_FALSE(reader.poll());  // nothing new

  appendText(file, "25\n3,0.3,2");
  EXPECT_TRUE(reader.poll());
  ASSERT_EQ(reader.rows().size(), 2u);
  EXPECT_EQ(reader.rows()[1].step, 2);
  EXPECT_EQ(reader.rows()[1].values[0], 2.25);  // the two halves joined, not "2." and "25"
  EXPECT_EQ(reader.skippedRows(), 0u);
}

TEST_F(MetricsReaderTest, SkipsCountsAndReportsMalformedRowsWithoutStopping) {
  const auto file = m_dir / "metrics.csv";
  writeText(file,
            "step,wall_time,loss,acc\n"
            "1,0.1,2.5,0.1\n"
            "2,0.2,oops,0.2\n"   // line 3: a text cell
            "3,0.3,2.1\n"        // line 4: a cell missing
            "\x01\x02garbage\n"  // line 5: binary junk
            "4,0.4,nan,0.4\n"    // a diverged metric is data, not a malformed row
            "5,0.5,1.9,0.5\n");
  run::MetricsFileReader reader(file);
  reader.poll();
  ASSERT_EQ(reader.rows().size(), 3u);
  EXPECT_EQ(reader.rows()[0].step, 1);
  EXPECT_EQ(reader.rows()[1].step, 4);
  EXPECT_TRUE(std::isnan(reader.rows()[1].values[0]));
  EXPECT_EQ(reader.rows()[2].step, 5);
  EXPECT_EQ(reader.skippedRows(), 3u);
  ASSERT_EQ(reader.problems().size(), 3u);
  EXPECT_NE(reader.problems()[0].find("metrics.csv:3: loss \"oops\""), std::string::npos)
      << reader.problems()[0];
  EXPECT_NE(reader.problems()[1].find("metrics.csv:4: 3 cells, expected 4"), std::string::npos)
      << reader.problems()[1];
}

TEST_F(MetricsReaderTest, StartsAgainWhenTheFileShrinks) {
  const auto file = m_dir / "metrics.csv";
  writeText(file, "step,wall_time,loss\n1,0,3\n2,0,2\n3,0,1\n");
  run::MetricsFileReader reader(file);
  reader.poll();
  const auto generation = reader.generation();
  writeText(file, "step,wall_time,loss\n1,0,3\n");  // a resume trimmed it
  EXPECT_TRUE(reader.poll());
  EXPECT_EQ(reader.rows().size(), 1u);
  EXPECT_NE(reader.generation(), generation);
}

TEST_F(MetricsReaderTest, ReadsTheOldFormatWithoutWallTime) {
  const auto file = m_dir / "metrics.csv";
  writeText(file, "step,log_likelihood,delta\n1,-3.5,0\n2,-3.25,0.25\n");
  run::MetricsFileReader reader(file);
  reader.poll();
  EXPECT_FALSE(reader.hasWallTime());
  EXPECT_EQ(reader.columns(), (std::vector<std::string>{"log_likelihood", "delta"}));
  ASSERT_EQ(reader.rows().size(), 2u);
  EXPECT_EQ(reader.rows()[1].values[1], 0.25);
}

TEST_F(MetricsReaderTest, LastRowSkipsATornAndAMalformedTail) {
  const auto file = m_dir / "metrics.csv";
  std::string text = "step,wall_time,loss\n";
  for (int i = 1; i <= 5000; ++i)  // longer than the 64 KiB tail window
    text += std::to_string(i) + ",0.5," + std::to_string(1.0 / i) + "\n";
  text += "5001,0.5,bad\n5002,0.5,0.1";
  writeText(file, text);
  std::vector<std::string> columns;
  train::MetricsRow row;
  ASSERT_TRUE(run::readLastMetricsRow(file, columns, row));
  EXPECT_EQ(columns, std::vector<std::string>{"loss"});
  EXPECT_EQ(row.step, 5000);
  EXPECT_NEAR(row.values[0], 1.0 / 5000, 1e-9);

  writeText(m_dir / "empty.csv", "step,wall_time,loss\n");
  EXPECT_FALSE(run::readLastMetricsRow(m_dir / "empty.csv", columns, row));
}

TEST_F(MetricsReaderTest, AMissingFileIsNotAnError) {
  run::MetricsFileReader reader(m_dir / "none.csv");
  EXPECT_FALSE(reader.poll());
  EXPECT_TRUE(reader.rows().empty());
}

}  // namespace
}  // namespace genlab::test
