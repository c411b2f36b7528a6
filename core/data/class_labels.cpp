#include "core/data/class_labels.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <string_view>

#include "core/util/errors.h"

namespace genlab::data {
namespace {

std::string_view trimLabel(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

bool parseLabelNumber(std::string_view text, double& out) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

// Sorted unique classes and each label's index, for keys of type Key (double or string); each
// class is named by its first spelling in the file.
template <class Key>
void assignClasses(const std::vector<Key>& keys, const std::vector<std::string>& texts,
                   ClassLabels& out) {
  std::map<Key, std::pair<int, std::string>> classes;  // key -> (index, name); map order sorts
  for (std::size_t i = 0; i < keys.size(); ++i) classes.emplace(keys[i], std::pair{0, texts[i]});
  int next = 0;
  for (auto& [key, entry] : classes) {
    entry.first = next++;
    out.classes.push_back(entry.second);
  }
  out.indices.reserve(keys.size());
  for (const auto& key : keys) out.indices.push_back(classes.at(key).first);
}

}  // namespace

ClassLabels readClassLabels(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(name + ": cannot open file (" + std::strerror(errno) + ")");
  ClassLabels result;
  std::vector<std::string> texts;
  std::string line;
  std::size_t lineNumber = 0;
  while (std::getline(in, line)) {
    ++lineNumber;
    const std::string_view label = trimLabel(line);
    if (label.empty() || label.front() == '#') continue;
    if (label.find(',') != std::string_view::npos) {
      throw DataError(name + ":" + std::to_string(lineNumber) +
                      ": one label per line expected, found a ','");
    }
    texts.emplace_back(label);
    result.lines.push_back(lineNumber);
  }
  if (in.bad()) throw DataError(name + ": read error");
  if (texts.empty()) throw DataError(name + ": no labels (the file is empty)");

  std::vector<double> numbers(texts.size());
  bool allNumbers = true;
  for (std::size_t i = 0; i < texts.size() && allNumbers; ++i) {
    allNumbers = parseLabelNumber(texts[i], numbers[i]);
  }
  if (allNumbers) {
    assignClasses(numbers, texts, result);
  } else {
    assignClasses(texts, texts, result);
  }
  return result;
}

}  // namespace genlab::data
