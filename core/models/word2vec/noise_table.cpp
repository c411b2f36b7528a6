#include "core/models/word2vec/noise_table.h"

#include <cmath>

namespace genlab::word2vec {

NoiseTable::NoiseTable(const text::Vocabulary& vocabulary, double power) {
  const std::size_t n = vocabulary.counts().size();
  std::vector<double> scaled(n);  // probability x n: a slot holds mass 1
  double total = 0.0;
  for (const auto count : vocabulary.counts()) total += std::pow(static_cast<double>(count), power);
  for (std::size_t i = 0; i < n; ++i) {
    scaled[i] = std::pow(static_cast<double>(vocabulary.counts()[i]), power) / total *
                static_cast<double>(n);
  }
  std::vector<std::size_t> small, large;
  for (std::size_t i = 0; i < n; ++i) (scaled[i] < 1.0 ? small : large).push_back(i);
  m_slots.assign(n, Slot{});
  constexpr double kOne = 4294967296.0;  // 2^32: "always keep"
  // Each small slot is filled up to 1 by a large word, which gives away that much of its mass.
  while (!small.empty() && !large.empty()) {
    const std::size_t s = small.back(), l = large.back();
    small.pop_back();
    m_slots[s].keep = static_cast<std::uint64_t>(std::llround(scaled[s] * kOne));
    m_slots[s].alias = static_cast<std::int32_t>(l);
    scaled[l] -= 1.0 - scaled[s];
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // What is left holds (up to rounding) exactly mass 1.
  for (const std::size_t i : large) m_slots[i] = {static_cast<std::uint64_t>(kOne), 0};
  for (const std::size_t i : small) m_slots[i] = {static_cast<std::uint64_t>(kOne), 0};
}

double NoiseTable::probability(int word) const {
  constexpr double kOne = 4294967296.0;
  const double n = static_cast<double>(m_slots.size());
  double mass = static_cast<double>(m_slots[static_cast<std::size_t>(word)].keep) / kOne;
  for (const Slot& s : m_slots) {
    if (s.alias == word && s.keep < static_cast<std::uint64_t>(kOne)) {
      mass += 1.0 - static_cast<double>(s.keep) / kOne;
    }
  }
  return mass / n;
}

}  // namespace genlab::word2vec
