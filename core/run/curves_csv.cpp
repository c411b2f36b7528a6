#include "core/run/curves_csv.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "core/run/metrics_reader.h"
#include "core/run/run_format.h"
#include "core/run/run_info.h"
#include "core/util/errors.h"

namespace genlab::run {
namespace {

std::string formatValue(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// A CSV cell, quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string csvCell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

// "runs/a/" and "runs/a" are both the run "a".
std::filesystem::path withoutTrailingSlash(const std::filesystem::path& folder) {
  std::filesystem::path normal = folder.lexically_normal();
  return normal.has_filename() ? normal : normal.parent_path();
}

}  // namespace

void writeCurvesCsv(const std::vector<CurveSource>& runs, const std::filesystem::path& path) {
  // Per run: step -> its row (the last logged for the step).
  std::vector<std::map<std::int64_t, const train::MetricsRow*>> byStep(runs.size());
  std::set<std::int64_t> steps;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    for (const auto& row : runs[r].rows) {
      byStep[r][row.step] = &row;
      steps.insert(row.step);
    }
  }
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw DataError("cannot write " + path.string() + ": cannot create the file");
    out << "step";
    for (const auto& source : runs)
      for (const auto& column : source.columns) out << ',' << csvCell(source.name + "/" + column);
    out << '\n';
    for (const std::int64_t step : steps) {
      out << step;
      for (std::size_t r = 0; r < runs.size(); ++r) {
        const auto found = byStep[r].find(step);
        for (std::size_t c = 0; c < runs[r].columns.size(); ++c) {
          out << ',';
          if (found != byStep[r].end() && c < found->second->values.size())
            out << formatValue(found->second->values[c]);
        }
      }
      out << '\n';
    }
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw DataError("cannot write " + path.string() + ": write failed (disk full?)");
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) throw DataError("cannot write " + path.string() + ": " + error.message());
}

std::vector<CurveSource> readCurveSources(const std::vector<std::filesystem::path>& folders) {
  std::map<std::string, int> nameCount;
  for (const auto& folder : folders) ++nameCount[withoutTrailingSlash(folder).filename().string()];
  std::vector<CurveSource> sources;
  for (const auto& folder : folders) {
    if (!isRunFolder(folder))
      throw DataError(folder.string() + " is not a run folder (no " + kRunFile + ")");
    MetricsFileReader reader(folder / kMetricsFile);
    reader.poll();
    if (reader.columns().empty())
      throw DataError((folder / kMetricsFile).string() + ": no metrics recorded");
    const std::filesystem::path path = withoutTrailingSlash(folder);
    const std::string name = path.filename().string();
    sources.push_back(
        {nameCount[name] > 1 ? path.string() : name, reader.columns(), reader.rows()});
  }
  return sources;
}

}  // namespace genlab::run
