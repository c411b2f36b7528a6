#include "ui/lab/path_kind.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/run/run_format.h"

namespace genlab::lab {
namespace {

namespace fs = std::filesystem;
constexpr int kHeadBytes = 64 * 1024;
constexpr std::uintmax_t kLargestJson = 16u << 20;

// The first bytes of a file, gzip undone (zlib's gzread passes plain files through).
bool readHead(const fs::path& path, std::string& head) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return false;
  head.resize(kHeadBytes);
  const int got = gzread(file, head.data(), kHeadBytes);
  gzclose(file);
  if (got < 0) return false;
  head.resize(static_cast<std::size_t>(got));
  return true;
}

bool isRunFolder(const fs::path& folder) {
  std::error_code ec;
  return fs::is_regular_file(folder / run::kRunFile, ec);
}

// Run folders among `folder`'s children and grandchildren (a sweep may group its runs).
int countRunsBelow(const fs::path& folder, int depth) {
  int runs = 0;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    if (isRunFolder(it->path()))
      ++runs;
    else if (depth > 1)
      runs += countRunsBelow(it->path(), depth - 1);
  }
  return runs;
}

bool isNumber(const std::string& cell) {
  std::size_t begin = cell.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return false;
  const std::string trimmed = cell.substr(begin, cell.find_last_not_of(" \t\r") - begin + 1);
  char* end = nullptr;
  std::strtod(trimmed.c_str(), &end);
  return end == trimmed.c_str() + trimmed.size();
}

std::vector<std::string> splitCells(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream stream(line);
  std::string cell;
  while (std::getline(stream, cell, ',')) cells.push_back(cell);
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

// A sequence of symbols repeats a small alphabet (dice rolls, weather); prose does not.
bool looksLikeSymbols(const std::string& head) {
  std::stringstream text(head);
  std::string line;
  std::vector<std::string> alphabet;
  std::size_t tokens = 0;
  while (std::getline(text, line)) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    std::stringstream words(line);
    std::string token;
    while (words >> token) {
      ++tokens;
      if (std::find(alphabet.begin(), alphabet.end(), token) == alphabet.end()) {
        alphabet.push_back(token);
        if (alphabet.size() > 100) return false;
      }
    }
  }
  return tokens >= 2 * alphabet.size() && !alphabet.empty();
}

// Text: CSV points (every data line the same number >= 2 of numeric cells; an optional header of
// non-numeric cells), or a sequence (tokens without commas, or one number a line).
PathClass classifyText(const fs::path& path, const std::string& head, bool truncated) {
  std::stringstream text(head);
  std::string line;
  std::size_t columns = 0;
  int dataLines = 0;
  bool commas = false;
  bool header = false;
  bool csvShape = true;
  while (std::getline(text, line)) {
    if (truncated && text.eof()) break;  // the last line may be cut at the 64 KiB mark
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    if (line.find(',') != std::string::npos) commas = true;
    const std::vector<std::string> cells = splitCells(line);
    const bool numeric = std::all_of(cells.begin(), cells.end(), isNumber);
    if (!numeric) {
      // A header line of names is allowed once, before any data.
      if (dataLines == 0 && !header && commas) {
        header = true;
        continue;
      }
      csvShape = false;
      break;
    }
    if (columns == 0) columns = cells.size();
    if (cells.size() != columns) {
      csvShape = false;
      break;
    }
    ++dataLines;
  }
  if (csvShape && dataLines > 0 && columns >= 2) {
    return {PathKind::kPoints, path, "CSV points, " + std::to_string(columns) + " columns"};
  }
  if (!commas && looksLikeSymbols(head)) return {PathKind::kSequence, path, "a sequence of tokens"};
  if (csvShape && dataLines > 0 && columns == 1)
    return {PathKind::kSequence, path, "a sequence of numbers, one a line", true};
  return {PathKind::kUnknown, path,
          path.string() +
              ": text, but neither CSV points (the same number of numeric columns "
              "on every line) nor a sequence of tokens"};
}

PathClass classifyJson(const fs::path& path, std::string text, bool truncated) {
  // A run.json with a long event list passes the 64 KiB mark; lessons are a few KiB.
  std::error_code ec;
  if (truncated && fs::file_size(path, ec) <= kLargestJson) {
    std::ifstream in(path, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object())
    return {PathKind::kUnknown, path, path.string() + ": not valid JSON (or not an object)"};
  // A run.json keeps its lesson's keys too: the run's own come first.
  if (json.contains("steps_done") && json.contains("status") && json.contains("model"))
    return {PathKind::kRun, path.parent_path(), "a run folder"};
  if (json.contains("model") && json.contains("dataset") && json.contains("title"))
    return {PathKind::kLesson, path, "a lesson"};
  return {PathKind::kUnknown, path,
          path.string() + ": JSON, but neither a lesson (title, model, dataset) nor a run.json"};
}

}  // namespace

PathClass classifyPath(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return {PathKind::kUnknown, path, path.string() + ": does not exist"};
  if (fs::is_directory(path, ec)) {
    if (isRunFolder(path)) {
      PathClass inner = classifyPath(path / run::kRunFile);
      if (inner.kind == PathKind::kRun) return inner;
      return {PathKind::kUnknown, path, path.string() + ": its run.json is not a run's"};
    }
    if (const int runs = countRunsBelow(path, 2); runs > 0)
      return {PathKind::kSweep, path, "a folder of " + std::to_string(runs) + " runs"};
    return {PathKind::kUnknown, path,
            path.string() + ": a folder without run.json in it or in its subfolders"};
  }
  std::string head;
  if (!readHead(path, head)) return {PathKind::kUnknown, path, path.string() + ": cannot read"};
  if (head.empty()) return {PathKind::kUnknown, path, path.string() + ": empty file"};
  // IDX: 0, 0, 0x08 (unsigned bytes), dimensions (3 for images, 1 for labels).
  if (head.size() >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0x08) {
    if (head[3] == 3) return {PathKind::kIdxImages, path, "IDX images"};
    if (head[3] == 1) return {PathKind::kIdxLabels, path, "IDX labels"};
  }
  if (head.find('\0') != std::string::npos)
    return {PathKind::kUnknown, path, path.string() + ": a binary file, not IDX images"};
  const bool truncated = head.size() == static_cast<std::size_t>(kHeadBytes);
  const auto first = head.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && head[first] == '{') return classifyJson(path, head, truncated);
  return classifyText(path, head, truncated);
}

const char* pathKindName(PathKind kind) {
  switch (kind) {
    case PathKind::kLesson:
      return "a lesson";
    case PathKind::kRun:
      return "a run folder";
    case PathKind::kSweep:
      return "a sweep (a folder of runs)";
    case PathKind::kPoints:
      return "CSV points";
    case PathKind::kIdxImages:
      return "IDX images";
    case PathKind::kIdxLabels:
      return "IDX labels";
    case PathKind::kSequence:
      return "a sequence text";
    case PathKind::kUnknown:
      break;
  }
  return "an unknown file";
}

}  // namespace genlab::lab
