#include "core/data/csv_matrix.h"

#include <zlib.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string_view>

#include "core/platform/memory_info.h"
#include "core/train/memory_budget.h"
#include "core/util/errors.h"
#include "core/util/printable.h"

namespace genlab::data {
namespace {

struct Cell {
  std::string_view text;  // trimmed
  std::size_t column;     // 1-based character column of the cell's start
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

char detectSeparator(std::string_view line) {
  for (char c : {',', ';', '\t'}) {
    if (line.find(c) != std::string_view::npos) return c;
  }
  return ',';
}

std::vector<Cell> splitCells(std::string_view line, char separator) {
  std::vector<Cell> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(separator, start);
    const std::string_view raw =
        line.substr(start, end == std::string_view::npos ? end : end - start);
    // Column of the first non-blank character of the cell (or of the cell, when it is blank).
    std::size_t lead = 0;
    while (lead < raw.size() && (raw[lead] == ' ' || raw[lead] == '\t')) ++lead;
    cells.push_back({trim(raw), start + (lead < raw.size() ? lead : 0) + 1});
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return cells;
}

// True when the whole cell is a number (finite or not); the value goes to `out`.
bool parseNumber(std::string_view text, double& out) {
  if (text.empty()) return false;
  if (text.front() == '+') text.remove_prefix(1);
  const auto* first = text.data();
  const auto* last = text.data() + text.size();
  const auto [end, error] = std::from_chars(first, last, out);
  return error == std::errc() && end == last;
}

// A cell as the error message shows it: quoted, escaped and cut short, so a binary file's
// garbage prints as one short line (printable.h). Built with append: GCC 12 warns falsely
// (-Wrestrict) about "\"" + std::string(...) at -O3.
std::string quoted(std::string_view text) {
  const std::string shown = printableExcerpt(text);
  std::string out;
  out.reserve(shown.size() + 2);
  out.append(1, '"').append(shown).append(1, '"');
  return out;
}

// The whole file, gunzipped when it is gzip (zlib reads other files as they are).
std::string readWholeFile(const std::string& name) {
  errno = 0;
  const std::unique_ptr<std::remove_pointer_t<gzFile>, int (*)(gzFile)> file(
      gzopen(name.c_str(), "rb"), gzclose);
  if (!file) {
    throw DataError(name + ": cannot open file (" + std::strerror(errno ? errno : ENOMEM) + ")");
  }
  std::string text;
  char buffer[1 << 16];
  while (true) {
    const int got = gzread(file.get(), buffer, sizeof buffer);
    if (got < 0) {
      int code = 0;
      throw DataError(name + ": read error (" + gzerror(file.get(), &code) + ")");
    }
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
  }
  return text;
}

}  // namespace

CsvMatrix readCsvMatrix(const std::filesystem::path& path) {
  const std::string name = path.string();
  // The text, then its values: a value takes at least 2 characters ("1,") and becomes 8 bytes.
  std::error_code sizeError;
  const auto fileBytes = std::filesystem::file_size(path, sizeError);
  if (!sizeError) {
    if (const std::string shortfall = platform::memoryShortfall(fileBytes * 5); !shortfall.empty())
      throw DataError(name + ": this " + train::formatBytes(fileBytes) + " file " + shortfall);
  }
  const std::string text = readWholeFile(name);
  const auto fail = [&](std::size_t line, std::size_t column, const std::string& what) {
    throw DataError(name + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + what);
  };

  CsvMatrix result;
  std::vector<double> values;
  std::size_t columns = 0;
  std::size_t firstRowLine = 0;
  char separator = ',';
  bool sawFirstLine = false;
  std::size_t lineNumber = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    start = end + 1;
    ++lineNumber;
    const std::string_view trimmed = trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    if (!sawFirstLine) separator = detectSeparator(line);
    const std::vector<Cell> cells = splitCells(line, separator);

    if (!sawFirstLine) {
      sawFirstLine = true;
      bool anyNumber = false;
      double ignored = 0.0;
      for (const auto& cell : cells) anyNumber = anyNumber || parseNumber(cell.text, ignored);
      if (!anyNumber) {  // a header
        for (const auto& cell : cells) result.columnNames.emplace_back(cell.text);
        columns = cells.size();
        firstRowLine = lineNumber;
        continue;
      }
    }
    if (columns == 0) {
      columns = cells.size();
      firstRowLine = lineNumber;
    }
    if (cells.size() != columns) {
      const std::size_t column =
          cells.size() > columns ? cells[columns].column : line.find_last_not_of("\r") + 2;
      fail(lineNumber, column,
           "row has " + std::to_string(cells.size()) + " cells, expected " +
               std::to_string(columns) + " (as on line " + std::to_string(firstRowLine) + ")");
    }
    for (const auto& cell : cells) {
      double x = 0.0;
      if (cell.text.empty()) fail(lineNumber, cell.column, "empty cell, expected a number");
      if (!parseNumber(cell.text, x)) {
        fail(lineNumber, cell.column, quoted(cell.text) + " is not a number");
      }
      if (!std::isfinite(x)) {
        fail(lineNumber, cell.column, quoted(cell.text) + " is not finite (NaN or Inf)");
      }
      values.push_back(x);
    }
    result.rowLines.push_back(lineNumber);
  }
  if (values.empty()) {
    fail(std::max<std::size_t>(lineNumber, 1), 1,
         sawFirstLine ? "no data rows after the header" : "file is empty, expected numeric rows");
  }
  const auto rows = static_cast<Eigen::Index>(values.size() / columns);
  result.values =
      Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
          values.data(), rows, static_cast<Eigen::Index>(columns));
  return result;
}

}  // namespace genlab::data
