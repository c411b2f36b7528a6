#pragma once
// Reads a run's metrics.csv as it grows, the way TensorBoard's event reader does: it keeps the
// byte offset it has read up to, holds back a last line without its newline until the line is
// complete (the writer may be in the middle of it, or a crash cut it), and skips, counts and
// reports a malformed row instead of stopping at it. A file that shrank (a resumed run trimmed
// it) or was replaced is read again from the start.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/train/metrics_ring.h"

namespace genlab::run {

class MetricsFileReader {
 public:
  explicit MetricsFileReader(std::filesystem::path file) : m_file(std::move(file)) {}

  // Reads what was appended since the last call; returns true when rows were added or the
  // table was reset. A missing file is not an error (the run may not have written it yet).
  bool poll();

  const std::filesystem::path& file() const { return m_file; }
  // Metric names (the header without "step" and "wall_time").
  const std::vector<std::string>& columns() const { return m_columns; }
  const std::vector<train::MetricsRow>& rows() const { return m_rows; }
  bool hasWallTime() const { return m_hasWallTime; }
  // Incremented whenever the table restarts (file shrank or was replaced).
  std::uint64_t generation() const { return m_generation; }

  // Rows skipped as malformed, and the first few reasons as "file:line: what".
  std::size_t skippedRows() const { return m_skipped; }
  const std::vector<std::string>& problems() const { return m_problems; }
  // A last line still without its newline (not counted as a row until it is complete).
  bool hasIncompleteLine() const { return !m_partial.empty(); }

 private:
  friend bool readLastMetricsRow(const std::filesystem::path&, std::vector<std::string>&,
                                 train::MetricsRow&);
  void restart();
  void parseLine(const std::string& line);
  void reportProblem(const std::string& what);

  std::filesystem::path m_file;
  std::uint64_t m_offset = 0;
  std::uint64_t m_inode = 0;
  std::uint64_t m_lineNumber = 0;  // lines consumed so far (the header is line 1)
  std::string m_partial;
  std::vector<std::string> m_columns;
  bool m_haveHeader = false;
  bool m_hasWallTime = false;
  std::vector<train::MetricsRow> m_rows;
  std::size_t m_skipped = 0;
  std::vector<std::string> m_problems;
  std::uint64_t m_generation = 0;
};

// The last complete row of a metrics file without reading all of it (for listings); false
// when the file has no complete data row. `columns` receives the metric names.
bool readLastMetricsRow(const std::filesystem::path& file, std::vector<std::string>& columns,
                        train::MetricsRow& row);

}  // namespace genlab::run
