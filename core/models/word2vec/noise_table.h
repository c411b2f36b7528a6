#pragma once
// The negative-sampling noise distribution: P(w) proportional to count(w)^0.75 (Mikolov et al.
// 2013). Stored as an alias table (Walker 1977, Vose's construction), so a draw costs one random
// number and one or two lookups whatever the vocabulary size, with the exact probabilities (up to
// 2^-32), where the C tool keeps a 10^8-slot array (400 MB) and gensim bisects a cumulative table
// (log2 V cache misses a draw).

#include <cstdint>
#include <vector>

#include "core/text/vocabulary.h"

namespace genlab::word2vec {

class NoiseTable {
 public:
  static constexpr double kPower = 0.75;

  explicit NoiseTable(const text::Vocabulary& vocabulary, double power = kPower);

  // The word for 64 uniform random bits: the high 32 pick a slot, the low 32 choose between the
  // slot's own word and its alias.
  int wordFor(std::uint64_t random) const {
    const auto slot = static_cast<std::size_t>(((random >> 32) * m_slots.size()) >> 32);
    const Slot& s = m_slots[slot];
    return (random & 0xFFFFFFFFULL) < s.keep ? static_cast<int>(slot) : s.alias;
  }

  // The probability wordFor gives `word` over uniform random bits (the table's, after rounding).
  double probability(int word) const;

  int size() const { return static_cast<int>(m_slots.size()); }

 private:
  struct Slot {
    std::uint64_t keep = 0;  // the slot keeps its own word when the low 32 bits are below this
    std::int32_t alias = 0;  // ... and gives this word otherwise
  };
  std::vector<Slot> m_slots;
};

}  // namespace genlab::word2vec
