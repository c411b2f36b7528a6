#include "core/models/word2vec/keyed_vectors.h"

#include <algorithm>
#include <cmath>

#include "core/models/word2vec/vector_kernels.h"
#include "core/util/errors.h"

namespace genlab::word2vec {

KeyedVectors::KeyedVectors(std::vector<std::string> words, int dim, std::vector<float> vectors)
    : m_words(std::move(words)), m_dim(dim), m_vectors(std::move(vectors)), m_unit(m_vectors) {
  for (int i = 0; i < size(); ++i) {
    float* row = m_unit.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_dim);
    const float norm = std::sqrt(dot(row, row, m_dim));
    if (norm > 0.0f) {
      for (int d = 0; d < m_dim; ++d) row[d] /= norm;
    }
    m_index.emplace(m_words[static_cast<std::size_t>(i)], i);
  }
}

int KeyedVectors::find(std::string_view word) const {
  const auto it = m_index.find(word);
  return it == m_index.end() ? -1 : it->second;
}

int KeyedVectors::require(std::string_view word) const {
  const int index = find(word);
  if (index < 0) throw ConfigError("word \"" + std::string(word) + "\" is not in the vocabulary");
  return index;
}

float KeyedVectors::cosine(int a, int b) const {
  return dot(unit(a), unit(b), m_dim);
}

std::vector<Neighbour> KeyedVectors::nearest(const std::vector<float>& query,
                                             const std::vector<int>& exclude, int n) const {
  std::vector<std::pair<float, int>> scored;
  scored.reserve(static_cast<std::size_t>(size()));
  for (int i = 0; i < size(); ++i) {
    if (std::find(exclude.begin(), exclude.end(), i) != exclude.end()) continue;
    scored.emplace_back(dot(query.data(), unit(i), m_dim), i);
  }
  const auto count = std::min(scored.size(), static_cast<std::size_t>(std::max(n, 0)));
  // Most similar first; equal cosines in vocabulary order, so the answer is deterministic.
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(count),
                    scored.end(), [](const auto& x, const auto& y) {
                      return x.first > y.first || (x.first == y.first && x.second < y.second);
                    });
  std::vector<Neighbour> result;
  for (std::size_t k = 0; k < count; ++k) {
    result.push_back({m_words[static_cast<std::size_t>(scored[k].second)], scored[k].first});
  }
  return result;
}

std::vector<Neighbour> KeyedVectors::neighbours(std::string_view word, int n) const {
  const int index = require(word);
  const float* row = unit(index);
  return nearest(std::vector<float>(row, row + m_dim), {index}, n);
}

std::vector<Neighbour> KeyedVectors::analogy(std::string_view a, std::string_view b,
                                             std::string_view c, int n) const {
  const int ia = require(a), ib = require(b), ic = require(c);
  std::vector<float> query(static_cast<std::size_t>(m_dim));
  for (int d = 0; d < m_dim; ++d) {
    query[static_cast<std::size_t>(d)] = unit(ia)[d] - unit(ib)[d] + unit(ic)[d];
  }
  const float norm = std::sqrt(dot(query.data(), query.data(), m_dim));
  if (norm > 0.0f) {
    for (float& x : query) x /= norm;
  }
  return nearest(query, {ia, ib, ic}, n);
}

}  // namespace genlab::word2vec
