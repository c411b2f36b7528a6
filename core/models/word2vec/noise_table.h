#pragma once
// The negative-sampling noise distribution: P(w) proportional to count(w)^0.75 (Mikolov et al.
// 2013), stored as gensim does, as a cumulative table scaled to 2^31 - 1 and searched by
// bisection, instead of the C tool's 10^8-slot array (400 MB). A draw costs log2(V) steps.

#include <cstdint>
#include <vector>

#include "core/text/vocabulary.h"

namespace genlab::word2vec {

class NoiseTable {
 public:
  static constexpr std::uint32_t kDomain = 0x7FFFFFFF;  // 2^31 - 1, as gensim's cum_table
  static constexpr double kPower = 0.75;

  explicit NoiseTable(const text::Vocabulary& vocabulary, double power = kPower);

  // The word for a uniform draw `r` in [0, kDomain).
  int wordFor(std::uint32_t r) const;

  // The probability wordFor gives `word` over a uniform r (the table's, after rounding).
  double probability(int word) const;

  int size() const { return static_cast<int>(m_cumulative.size()); }

 private:
  std::vector<std::uint32_t> m_cumulative;  // m_cumulative.back() == kDomain
};

}  // namespace genlab::word2vec
