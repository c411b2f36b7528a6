#pragma once
// A file of class labels, one per line, for a classifier's --labels: integers, numbers or
// strings. Blank lines and lines starting with '#' are skipped; there is no header (a header
// would be read as one more label). Cells are trimmed of spaces, tabs and '\r'.
//
// Class order is scikit-learn's (numpy.unique): when every label is a number, classes sort by
// value ("2" before "10"; "1" and "1.0" are one class, named as first written); otherwise they
// sort as strings, byte by byte. Problems throw DataError "path:LINE: what" or "path: what".

#include <filesystem>
#include <string>
#include <vector>

namespace genlab::data {

struct ClassLabels {
  std::vector<std::string> classes;  // sorted, unique: class c is classes[c]
  std::vector<int> indices;          // one per label, in file order: an index into classes
  std::vector<std::size_t> lines;    // the line each label came from (1-based)
};

ClassLabels readClassLabels(const std::filesystem::path& path);

}  // namespace genlab::data
