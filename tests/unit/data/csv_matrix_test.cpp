#include "core/data/csv_matrix.h"

#include <gtest/gtest.h>

#include <string>

#include "core/util/errors.h"

namespace genlab::data {
namespace {

const std::string kDir = GENLAB_TEST_DATA_DIR;

// The DataError message for `file`, with the directory replaced by "DIR".
std::string errorFor(const std::string& file) {
  try {
    readCsvMatrix(kDir + "/" + file);
  } catch (const DataError& error) {
    std::string text = error.what();
    if (text.rfind(kDir, 0) == 0) text = "DIR" + text.substr(kDir.size());
    return text;
  }
  return "(no error)";
}

TEST(CsvMatrix, ReadsHeaderCommentsAndBlankLines) {
  const CsvMatrix csv = readCsvMatrix(kDir + "/points_header.csv");
  EXPECT_EQ(csv.columnNames, (std::vector<std::string>{"x", "y"}));
  ASSERT_EQ(csv.values.rows(), 3);
  ASSERT_EQ(csv.values.cols(), 2);
  EXPECT_EQ(csv.values(0, 0), 1.5);
  EXPECT_EQ(csv.values(1, 1), 0.4);
  EXPECT_EQ(csv.values(2, 0), 5.0);
  EXPECT_EQ(csv.values(2, 1), 6.0);
}

TEST(CsvMatrix, DetectsSemicolonsAndCrlf) {
  const CsvMatrix csv = readCsvMatrix(kDir + "/points_semicolon.csv");
  EXPECT_TRUE(csv.columnNames.empty());
  ASSERT_EQ(csv.values.rows(), 2);
  ASSERT_EQ(csv.values.cols(), 3);
  EXPECT_EQ(csv.values(1, 2), 6.0);
}

TEST(CsvMatrix, ErrorsNameLineAndColumn) {
  EXPECT_EQ(errorFor("points_text_cell.csv"),
            "DIR/points_text_cell.csv:3:3: \"abc\" is not a number");
  EXPECT_EQ(errorFor("points_ragged.csv"),
            "DIR/points_ragged.csv:3:5: row has 3 cells, expected 2 (as on line 1)");
  EXPECT_EQ(errorFor("points_short_row.csv"),
            "DIR/points_short_row.csv:2:2: row has 1 cells, expected 2 (as on line 1)");
  EXPECT_EQ(errorFor("points_nan.csv"),
            "DIR/points_nan.csv:2:3: \"nan\" is not finite (NaN or Inf)");
  EXPECT_EQ(errorFor("points_inf.csv"),
            "DIR/points_inf.csv:3:1: \"-inf\" is not finite (NaN or Inf)");
  EXPECT_EQ(errorFor("points_empty.csv"),
            "DIR/points_empty.csv:1:1: file is empty, expected numeric rows");
  EXPECT_EQ(errorFor("points_header_only.csv"),
            "DIR/points_header_only.csv:1:1: no data rows after the header");
  EXPECT_EQ(errorFor("points_empty_cell.csv"),
            "DIR/points_empty_cell.csv:1:3: empty cell, expected a number");
  EXPECT_EQ(errorFor("no_such_file.csv").rfind("DIR/no_such_file.csv: cannot open file", 0), 0u);
}

}  // namespace
}  // namespace genlab::data
