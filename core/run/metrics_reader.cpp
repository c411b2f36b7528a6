#include "core/run/metrics_reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>

namespace genlab::run {
namespace {

constexpr std::size_t kMaxProblems = 10;

std::vector<std::string> splitCells(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    cells.push_back(line.substr(start, comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return cells;
}

// A whole cell as a number; "nan", "inf" and "-inf" are numbers (a diverging metric is data),
// an empty wall_time cell (format 1 rows carried over by a resume) reads as NaN.
bool parseNumber(const std::string& cell, double& value, bool emptyIsNan) {
  if (cell.empty()) {
    value = std::nan("");
    return emptyIsNan;
  }
  char* end = nullptr;
  errno = 0;
  value = std::strtod(cell.c_str(), &end);
  return end == cell.c_str() + cell.size() && end != cell.c_str();
}

bool parseStep(const std::string& cell, std::int64_t& step) {
  if (cell.empty()) return false;
  char* end = nullptr;
  const long long value = std::strtoll(cell.c_str(), &end, 10);
  if (end != cell.c_str() + cell.size() || value < 0) return false;
  step = value;
  return true;
}

}  // namespace

void MetricsFileReader::restart() {
  m_offset = 0;
  m_lineNumber = 0;
  m_partial.clear();
  m_columns.clear();
  m_haveHeader = false;
  m_hasWallTime = false;
  m_rows.clear();
  m_skipped = 0;
  m_problems.clear();
  ++m_generation;
}

void MetricsFileReader::reportProblem(const std::string& what) {
  ++m_skipped;
  if (m_problems.size() < kMaxProblems)
    m_problems.push_back(m_file.string() + ":" + std::to_string(m_lineNumber) + ": " + what);
}

void MetricsFileReader::parseLine(const std::string& rawLine) {
  ++m_lineNumber;
  std::string line = rawLine;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const auto cells = splitCells(line);
  if (!m_haveHeader) {
    if (cells.empty() || cells[0] != "step") {
      reportProblem("the header must start with \"step\"; ignoring the file");
      m_haveHeader = true;  // nothing after a bad header can be trusted, but keep counting
      m_columns.clear();
      return;
    }
    m_haveHeader = true;
    m_hasWallTime = cells.size() > 1 && cells[1] == "wall_time";
    m_columns.assign(cells.begin() + (m_hasWallTime ? 2 : 1), cells.end());
    return;
  }
  if (line.empty()) return;
  const std::size_t expected = m_columns.size() + (m_hasWallTime ? 2 : 1);
  if (cells.size() != expected) {
    reportProblem(std::to_string(cells.size()) + " cells, expected " + std::to_string(expected));
    return;
  }
  train::MetricsRow row;
  if (!parseStep(cells[0], row.step)) {
    reportProblem("step \"" + cells[0] + "\" is not a whole number");
    return;
  }
  std::size_t first = 1;
  if (m_hasWallTime) {
    if (!parseNumber(cells[1], row.wallSeconds, /*emptyIsNan=*/true)) {
      reportProblem("wall_time \"" + cells[1] + "\" is not a number");
      return;
    }
    first = 2;
  }
  row.values.resize(m_columns.size());
  for (std::size_t c = 0; c < m_columns.size(); ++c) {
    if (!parseNumber(cells[first + c], row.values[c], /*emptyIsNan=*/false)) {
      reportProblem(m_columns[c] + " \"" + cells[first + c] + "\" is not a number");
      return;
    }
  }
  m_rows.push_back(std::move(row));
}

bool MetricsFileReader::poll() {
  struct stat info {};
  if (::stat(m_file.c_str(), &info) != 0) {
    if (m_offset == 0 && m_rows.empty()) return false;
    restart();  // the file went away
    return true;
  }
  bool changed = false;
  const auto size = static_cast<std::uint64_t>(info.st_size);
  const auto inode = static_cast<std::uint64_t>(info.st_ino);
  if (size < m_offset || (m_inode != 0 && inode != m_inode)) {
    restart();
    changed = true;
  }
  m_inode = inode;
  if (size == m_offset) return changed;

  std::ifstream in(m_file, std::ios::binary);
  if (!in) return changed;
  in.seekg(static_cast<std::streamoff>(m_offset));
  std::string chunk(static_cast<std::size_t>(size - m_offset), '\0');
  in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  chunk.resize(static_cast<std::size_t>(in.gcount()));
  m_offset += chunk.size();

  const std::size_t rowsBefore = m_rows.size();
  std::size_t start = 0;
  while (true) {
    const std::size_t newline = chunk.find('\n', start);
    if (newline == std::string::npos) {
      m_partial.append(chunk, start, std::string::npos);
      break;
    }
    m_partial.append(chunk, start, newline - start);
    parseLine(m_partial);
    m_partial.clear();
    start = newline + 1;
  }
  return changed || m_rows.size() != rowsBefore;
}

bool readLastMetricsRow(const std::filesystem::path& file, std::vector<std::string>& columns,
                        train::MetricsRow& row) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::string header;
  if (!std::getline(in, header)) return false;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  // Rows are short; 64 KiB from the end holds many complete ones.
  const std::streamoff from = std::max<std::streamoff>(0, size - (64 << 10));
  in.seekg(from);
  std::string tail(static_cast<std::size_t>(size - from), '\0');
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  tail.resize(static_cast<std::size_t>(in.gcount()));

  MetricsFileReader parser(file);
  parser.parseLine(header);
  columns = parser.columns();
  // Walk back over complete lines until one parses.
  std::size_t end = tail.rfind('\n');
  while (end != std::string::npos && end > 0) {
    const std::size_t begin = tail.rfind('\n', end - 1);
    if (begin == std::string::npos && from > 0) break;  // the line may start before the window
    const std::size_t lineStart = begin == std::string::npos ? 0 : begin + 1;
    const std::string line = tail.substr(lineStart, end - lineStart);
    const std::size_t rowsBefore = parser.rows().size();
    if (line != header) parser.parseLine(line);
    if (parser.rows().size() > rowsBefore) {
      row = parser.rows().back();
      return true;
    }
    if (begin == std::string::npos) break;
    end = begin;
  }
  return false;
}

}  // namespace genlab::run
