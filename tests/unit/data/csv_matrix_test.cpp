#include "core/data/csv_matrix.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/util/errors.h"
#include "tests/error_message.h"

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

// Each row knows its line (header, blank and comment lines skipped), for messages about a row.
TEST(CsvMatrix, RecordsEachRowsLine) {
  EXPECT_EQ(readCsvMatrix(kDir + "/points_header.csv").rowLines,
            (std::vector<std::size_t>{2, 3, 6}));
}

// A gzipped file reads as its contents (scikit-learn's digits.csv.gz is read so).
TEST(CsvMatrix, ReadsGzip) {
  const auto path = std::filesystem::temp_directory_path() / "csv_matrix_test.csv.gz";
  gzFile file = gzopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  const std::string text = "a,b\n1,2\n3,4.5\n";
  gzwrite(file, text.data(), static_cast<unsigned>(text.size()));
  gzclose(file);
  const CsvMatrix csv = readCsvMatrix(path);
  ASSERT_EQ(csv.values.rows(), 2);
  EXPECT_EQ(csv.values(1, 1), 4.5);
  EXPECT_EQ(csv.columnNames, (std::vector<std::string>{"a", "b"}));
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

// A cell of binary garbage (control characters, bytes that are not UTF-8, a long run of them)
// is quoted escaped and cut short: the message is one printable ASCII line that still says
// where the cell is.
TEST(CsvMatrix, BinaryCellIsEscapedAndCutShort) {
  const auto path = std::filesystem::temp_directory_path() / "genlab_csv_binary_cell.csv";
  std::string garbage = "\x01\x1b[2J\xff\xfe";
  garbage.push_back('\0');
  for (int i = 0; i < 500; ++i) garbage.push_back(static_cast<char>(0x80 + i % 128));
  {
    std::ofstream out(path, std::ios::binary);
    out << "1.0,2.0\n3.0," << garbage << "\n";
  }
  const std::string message = test::messageOf<DataError>([&] { readCsvMatrix(path); });
  std::filesystem::remove(path);
  const std::string where = path.string() + ":2:5: \"";
  ASSERT_EQ(message.rfind(where, 0), 0u) << message;
  for (const char c : message) {
    EXPECT_TRUE(c >= 0x20 && c < 0x7F)
        << "byte " << static_cast<int>(static_cast<unsigned char>(c));
  }
  // 40 escaped bytes of at most 4 characters each, "...", the quotes and the reason.
  EXPECT_LE(message.size(), where.size() + 40 * 4 + 3 + 1 + 20) << message;
  EXPECT_NE(message.find("\\x01\\x1B[2J\\xFF\\xFE\\x00"), std::string::npos) << message;
  EXPECT_NE(message.find("...\" is not a number"), std::string::npos) << message;
}

}  // namespace
}  // namespace genlab::data
