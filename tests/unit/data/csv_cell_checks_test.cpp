// The cell checks of `fit rbm` and `fit nb` (core/data/csv_cell_checks.h): the first offending
// cell in row-major order is named by the file's line (header, comments and blank lines
// counted) and its column, with the value as written; a clean matrix passes.
#include "core/data/csv_cell_checks.h"

#include <gtest/gtest.h>

#include "core/util/errors.h"
#include "tests/error_message.h"

namespace genlab::data {
namespace {

using test::messageOf;

// Rows as on lines 3, 5 and 6 of a file with a header and a comment.
CsvMatrix matrix(std::initializer_list<std::initializer_list<double>> rows) {
  CsvMatrix csv;
  csv.values.resize(static_cast<Eigen::Index>(rows.size()),
                    static_cast<Eigen::Index>(rows.begin()->size()));
  Eigen::Index i = 0;
  for (const auto& row : rows) {
    Eigen::Index j = 0;
    for (const double x : row) csv.values(i, j++) = x;
    ++i;
  }
  csv.rowLines = {3, 5, 6};
  return csv;
}

TEST(CsvCellChecks, BinaryNamesTheFirstNonBinaryCellByLineAndColumn) {
  const CsvMatrix csv = matrix({{0, 1, 1}, {1, 0, 0.5}, {2, 0, 1}});
  EXPECT_EQ(messageOf<DataError>([&] { requireBinaryCells(csv, "x.csv", "not 0 or 1"); }),
            "x.csv:5: column 3 is 0.5, not 0 or 1");
  EXPECT_EQ(messageOf<DataError>([&] {
              requireBinaryCells(matrix({{0, 1, 1}, {1, 0, -0.0}, {1, 1, 1}}), "x.csv", "no");
            }),
            "(no error)");  // -0 == 0
}

TEST(CsvCellChecks, CountsNameTheFirstNegativeCell) {
  const CsvMatrix csv = matrix({{0, 7, 1}, {1, 0, 2}, {3, -2, -1}});
  EXPECT_EQ(
      messageOf<DataError>([&] { requireNonNegativeCells(csv, "c.csv", "a negative count"); }),
      "c.csv:6: column 2 is -2, a negative count");
  EXPECT_EQ(messageOf<DataError>([&] {
              requireNonNegativeCells(matrix({{0, 7, 1}, {1, 0, 2.5}, {3, 2, 1}}), "c.csv", "n");
            }),
            "(no error)");
  EXPECT_EQ(csvRowWhere("c.csv", csv, 2), "c.csv:6");
}

}  // namespace
}  // namespace genlab::data
