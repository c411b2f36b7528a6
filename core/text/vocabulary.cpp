#include "core/text/vocabulary.h"

#include <algorithm>
#include <numeric>

namespace genlab::text {

Vocabulary Vocabulary::build(const std::vector<std::string>& tokens, std::int64_t minCount) {
  std::unordered_map<std::string_view, std::size_t> seen;  // word -> slot in firstSeen order
  std::vector<std::string_view> firstSeen;
  std::vector<std::int64_t> counts;
  for (const std::string& token : tokens) {
    const auto [it, inserted] = seen.try_emplace(token, firstSeen.size());
    if (inserted) {
      firstSeen.push_back(token);
      counts.push_back(0);
    }
    ++counts[it->second];
  }
  std::vector<std::size_t> order(firstSeen.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });

  Vocabulary vocabulary;
  vocabulary.m_allTokens = static_cast<std::int64_t>(tokens.size());
  for (const std::size_t slot : order) {
    if (counts[slot] < minCount) break;  // sorted: every later word is rarer
    vocabulary.m_index.emplace(std::string(firstSeen[slot]), vocabulary.size());
    vocabulary.m_words.emplace_back(firstSeen[slot]);
    vocabulary.m_counts.push_back(counts[slot]);
    vocabulary.m_keptTokens += counts[slot];
  }
  return vocabulary;
}

int Vocabulary::find(std::string_view word) const {
  const auto it = m_index.find(word);
  return it == m_index.end() ? -1 : it->second;
}

}  // namespace genlab::text
