#include "core/models/word2vec/word2vec_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "core/util/errors.h"
#include "core/util/printable.h"

namespace genlab::word2vec {
namespace {

std::vector<std::string_view> splitSpaces(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    std::size_t end = i;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '\r') ++end;
    if (end > i) fields.push_back(line.substr(i, end - i));
    i = end;
  }
  return fields;
}

template <class T>
bool parseNumber(std::string_view text, T& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

void writeWord2VecText(const std::string& path, const std::vector<std::string>& words, int dim,
                       const std::vector<float>& vectors) {
  const std::string temporary = path + ".partial";
  {
    std::ofstream out(temporary, std::ios::binary);
    if (!out) throw DataError(path + ": cannot write file");
    out << words.size() << ' ' << dim << '\n';
    char buffer[32];
    for (std::size_t i = 0; i < words.size(); ++i) {
      out << words[i];
      for (int d = 0; d < dim; ++d) {
        const float x = vectors[i * static_cast<std::size_t>(dim) + static_cast<std::size_t>(d)];
        const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, x);
        out << ' ' << std::string_view(buffer, static_cast<std::size_t>(end - buffer));
      }
      out << '\n';
    }
    if (!out.flush()) throw DataError(path + ": write failed");
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) throw DataError(path + ": cannot write file (" + error.message() + ")");
}

KeyedVectors readWord2VecText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path + ": cannot open file");
  std::string line;
  if (!std::getline(in, line))
    throw DataError(path + ":1: empty file, expected \"words dimension\"");
  const auto header = splitSpaces(line);
  long long count = 0;
  int dim = 0;
  if (header.size() != 2 || !parseNumber(header[0], count) || !parseNumber(header[1], dim) ||
      count < 0 || dim < 1) {
    throw DataError(path + ":1: expected a header \"words dimension\", got \"" +
                    printableExcerpt(line) + "\"");
  }
  std::vector<std::string> words;
  std::vector<float> vectors;
  std::unordered_set<std::string, text::StringHash, std::equal_to<>> seen;
  // The header is not trusted for more than a hint (a corrupt one must not exhaust memory).
  const auto hint = static_cast<std::size_t>(std::min<long long>(count, 1 << 20));
  words.reserve(hint);
  for (long long row = 0; row < count; ++row) {
    const std::string where = path + ":" + std::to_string(row + 2) + ": ";
    if (!std::getline(in, line)) {
      throw DataError(where + "the header promises " + std::to_string(count) + " words, found " +
                      std::to_string(row));
    }
    const auto fields = splitSpaces(line);
    if (fields.size() != static_cast<std::size_t>(dim) + 1) {
      throw DataError(where + "expected a word and " + std::to_string(dim) + " values, found " +
                      std::to_string(fields.empty() ? 0 : fields.size() - 1) + " values");
    }
    if (!seen.emplace(std::string(fields[0])).second) {
      throw DataError(where + "the word \"" + printableExcerpt(std::string(fields[0])) +
                      "\" appears a second time");
    }
    words.emplace_back(fields[0]);
    for (int d = 1; d <= dim; ++d) {
      float x = 0.0f;
      if (!parseNumber(fields[static_cast<std::size_t>(d)], x) || !std::isfinite(x)) {
        throw DataError(where + "value " + std::to_string(d) + " \"" +
                        printableExcerpt(std::string(fields[static_cast<std::size_t>(d)])) +
                        "\" is not a finite number");
      }
      vectors.push_back(x);
    }
  }
  return KeyedVectors(std::move(words), dim, std::move(vectors));
}

}  // namespace genlab::word2vec
