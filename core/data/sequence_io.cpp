#include "core/data/sequence_io.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "core/util/errors.h"

namespace genlab::data {

namespace {

struct Token {
  std::string text;
  long line = 0;
};

std::ifstream openOrThrow(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw DataError(path.string() + ": cannot open the file");
  return in;
}

[[noreturn]] void failAt(const std::filesystem::path& path, long line, const std::string& what) {
  throw DataError(path.string() + ":" + std::to_string(line) + ": " + what);
}

bool isCommentOrBlank(const std::string& line) {
  const auto first = line.find_first_not_of(" \t\r");
  return first == std::string::npos || line[first] == '#';
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Whole-string parse; false when `text` is not entirely one number.
bool parseDouble(const std::string& text, double& value) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (begin != end && *begin == '+') ++begin;
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  return ec == std::errc() && ptr == end && begin != end;
}

bool parseId(const std::string& text, long& value) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc() && ptr == end && value >= 0;
}

std::vector<Token> readTokens(const std::filesystem::path& path) {
  std::ifstream in = openOrThrow(path);
  std::vector<Token> tokens;
  std::string line;
  for (long number = 1; std::getline(in, line); ++number) {
    if (isCommentOrBlank(line)) continue;
    std::istringstream words(line);
    std::string word;
    while (words >> word) tokens.push_back({word, number});
  }
  if (tokens.empty()) failAt(path, 1, "the file is empty (no symbols)");
  return tokens;
}

}  // namespace

SymbolSequence readSymbolSequence(const std::filesystem::path& path, const SymbolOptions& options) {
  const std::vector<Token> tokens = readTokens(path);
  SymbolSequence seq;
  seq.ids.reserve(tokens.size());

  if (!options.alphabet.empty()) {
    std::map<std::string, int> index;
    for (std::size_t m = 0; m < options.alphabet.size(); ++m)
      index[options.alphabet[m]] = static_cast<int>(m);
    for (const Token& tok : tokens) {
      const auto it = index.find(tok.text);
      if (it == index.end())
        failAt(path, tok.line, "symbol \"" + tok.text + "\" is not in the model's alphabet");
      seq.ids.push_back(it->second);
    }
    seq.alphabet = options.alphabet;
    return seq;
  }

  if (options.alphabetSize > 0) {
    for (const Token& tok : tokens) {
      long id = 0;
      if (!parseId(tok.text, id))
        failAt(path, tok.line,
               "symbol \"" + tok.text + "\" is not an integer id (the model names no alphabet)");
      if (id >= options.alphabetSize)
        failAt(path, tok.line,
               "symbol " + tok.text + " is outside the alphabet [0, " +
                   std::to_string(options.alphabetSize) + ")");
      seq.ids.push_back(static_cast<int>(id));
    }
    for (long m = 0; m < options.alphabetSize; ++m) seq.alphabet.push_back(std::to_string(m));
    seq.numericIds = true;
    return seq;
  }

  // Inferred: integer ids when every token is one, else order of first appearance.
  bool allIds = true;
  long maxId = 0;
  for (const Token& tok : tokens) {
    long id = 0;
    if (!parseId(tok.text, id) || id > 1'000'000) {
      allIds = false;
      break;
    }
    maxId = std::max(maxId, id);
  }
  if (allIds) {
    for (const Token& tok : tokens) seq.ids.push_back(std::stoi(tok.text));
    for (long m = 0; m <= maxId; ++m) seq.alphabet.push_back(std::to_string(m));
    seq.numericIds = true;
    return seq;
  }
  std::map<std::string, int> index;
  for (const Token& tok : tokens) {
    const auto [it, added] = index.try_emplace(tok.text, static_cast<int>(seq.alphabet.size()));
    if (added) seq.alphabet.push_back(tok.text);
    seq.ids.push_back(it->second);
  }
  return seq;
}

RowMatrix readNumericCsv(const std::filesystem::path& path, long expectedColumns) {
  std::ifstream in = openOrThrow(path);
  std::vector<double> values;
  long columns = expectedColumns;
  long firstDataLine = 0;
  bool sawLine = false;
  std::string line;
  for (long number = 1; std::getline(in, line); ++number) {
    if (isCommentOrBlank(line)) continue;
    std::vector<std::string> cells;
    std::stringstream split(line);
    std::string cell;
    while (std::getline(split, cell, ',')) cells.push_back(trim(cell));
    if (!line.empty() && line.back() == ',') cells.emplace_back();

    std::vector<double> row(cells.size());
    std::size_t numeric = 0;
    for (std::size_t c = 0; c < cells.size(); ++c) numeric += parseDouble(cells[c], row[c]);
    if (!sawLine && numeric == 0) {  // a header line
      sawLine = true;
      continue;
    }
    sawLine = true;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string where = "column " + std::to_string(c + 1);
      if (numeric != cells.size() && !parseDouble(cells[c], row[c]))
        failAt(path, number, where + ": \"" + cells[c] + "\" is not a number");
      if (!std::isfinite(row[c]))
        failAt(path, number, where + ": " + cells[c] + " is not a finite number");
    }
    const long n = static_cast<long>(cells.size());
    if (columns == 0) columns = n;
    if (n != columns)
      failAt(path, number,
             "has " + std::to_string(n) + " columns, expected " + std::to_string(columns) +
                 (firstDataLine ? " like line " + std::to_string(firstDataLine) : std::string()));
    if (firstDataLine == 0) firstDataLine = number;
    values.insert(values.end(), row.begin(), row.end());
  }
  if (values.empty()) failAt(path, 1, "the file is empty (no numeric rows)");
  const long t_len = static_cast<long>(values.size()) / columns;
  return Eigen::Map<const RowMatrix>(values.data(), t_len, columns);
}

}  // namespace genlab::data
