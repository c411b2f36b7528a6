#pragma once
// Importing observation sequences from text files, for the HMM (and any sequence model).
//
// Symbol files: tokens separated by whitespace, any number per line ("H T T H" or one per
// line). Lines whose first non-blank character is '#' are comments. Errors are DataError
// "path:LINE: ..." naming the line of the offending token.
//
// Numeric CSV: one observation per line, d comma-separated numbers (d = 1: one number per
// line). An optional header line (all cells non-numeric) is skipped; blank and '#' lines too.

#include <Eigen/Core>
#include <filesystem>
#include <string>
#include <vector>

namespace genlab::data {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct SymbolSequence {
  std::vector<int> ids;
  // alphabet[id] is the token for id. When every token is a non-negative integer (and no
  // alphabet was given), ids are those integers and alphabet is {"0", ..., "max"}; otherwise
  // ids number the tokens in order of first appearance.
  std::vector<std::string> alphabet;
  bool numericIds = false;
};

struct SymbolOptions {
  // Map tokens through these names (a token not listed is an error)...
  std::vector<std::string> alphabet;
  // ...or, when no names are given and this is > 0, require integer ids in [0, alphabetSize).
  long alphabetSize = 0;
};

SymbolSequence readSymbolSequence(const std::filesystem::path& path,
                                  const SymbolOptions& options = {});

// T x d; `expectedColumns` > 0 makes a different column count an error.
RowMatrix readNumericCsv(const std::filesystem::path& path, long expectedColumns = 0);

}  // namespace genlab::data
