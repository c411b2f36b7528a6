#pragma once
// Numeric CSV import for point data (GMM datasets, anything N x d), gzipped or not.
//
// Format: one sample per line, d numeric cells separated by ',' (or ';' or a tab, detected
// from the first line). The first non-blank line is a header when none of its cells is a
// number. Blank lines and lines starting with '#' are skipped; "\r\n" line ends are accepted.
// Every problem is a DataError "path:LINE:COL: what" (LINE and COL from 1, COL the cell's first
// character), or "path: what" when no line applies (a missing or unreadable file):
// a text cell (quoted as printable text, at most 40 characters: see printable.h), an empty cell,
// NaN or Inf, a row with a different number of cells than the first one, a file with no data rows.

#include <Eigen/Core>
#include <filesystem>
#include <string>
#include <vector>

namespace genlab::data {

struct CsvMatrix {
  Eigen::MatrixXd values;                // N x d, one sample per row
  std::vector<std::string> columnNames;  // from the header; empty when there is none
  std::vector<std::size_t> rowLines;     // the file's line (from 1) of each row
};

CsvMatrix readCsvMatrix(const std::filesystem::path& path);

}  // namespace genlab::data
