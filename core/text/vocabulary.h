#pragma once
// The words a text model learns: every token seen at least min-count times, most frequent first
// (ties keep the order of first appearance), with its count. Index i is the word's row in every
// matrix a model keeps, so the order is fixed once the vocabulary is built.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace genlab::text {

// Lets the index be searched with a string_view, without building a std::string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Vocabulary {
 public:
  Vocabulary() = default;

  // Counts `tokens` and keeps the words seen at least `minCount` times (minCount >= 1).
  static Vocabulary build(const std::vector<std::string>& tokens, std::int64_t minCount);

  int size() const { return static_cast<int>(m_words.size()); }
  const std::string& word(int index) const { return m_words[static_cast<std::size_t>(index)]; }
  std::int64_t count(int index) const { return m_counts[static_cast<std::size_t>(index)]; }
  const std::vector<std::string>& words() const { return m_words; }
  const std::vector<std::int64_t>& counts() const { return m_counts; }

  // The index of `word`, or -1 when it is not in the vocabulary.
  int find(std::string_view word) const;

  // Tokens kept (the sum of the counts) and all tokens counted, dropped ones included.
  std::int64_t keptTokens() const { return m_keptTokens; }
  std::int64_t allTokens() const { return m_allTokens; }

 private:
  std::vector<std::string> m_words;
  std::vector<std::int64_t> m_counts;
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> m_index;
  std::int64_t m_keptTokens = 0;
  std::int64_t m_allTokens = 0;
};

}  // namespace genlab::text
