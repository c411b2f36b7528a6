#include "core/models/word2vec/noise_table.h"

#include <algorithm>
#include <cmath>

namespace genlab::word2vec {

NoiseTable::NoiseTable(const text::Vocabulary& vocabulary, double power) {
  double total = 0.0;
  for (const auto count : vocabulary.counts()) total += std::pow(static_cast<double>(count), power);
  m_cumulative.reserve(vocabulary.counts().size());
  double running = 0.0;
  for (const auto count : vocabulary.counts()) {
    running += std::pow(static_cast<double>(count), power);
    m_cumulative.push_back(static_cast<std::uint32_t>(std::round(running / total * kDomain)));
  }
  if (!m_cumulative.empty()) m_cumulative.back() = kDomain;  // rounding must not leave a gap
}

int NoiseTable::wordFor(std::uint32_t r) const {
  // The first word whose cumulative bound is above r: word i owns [cum[i-1], cum[i]).
  return static_cast<int>(std::upper_bound(m_cumulative.begin(), m_cumulative.end(), r) -
                          m_cumulative.begin());
}

double NoiseTable::probability(int word) const {
  const auto i = static_cast<std::size_t>(word);
  const std::uint32_t lo = i == 0 ? 0 : m_cumulative[i - 1];
  return static_cast<double>(m_cumulative[i] - lo) / kDomain;
}

}  // namespace genlab::word2vec
