#pragma once
// Word vectors to query: nearest neighbours by cosine and analogies, as gensim's KeyedVectors
// answers them (most_similar). Built from a trained model or read from a word2vec text file.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text/vocabulary.h"

namespace genlab::word2vec {

struct Neighbour {
  std::string word;
  float cosine = 0.0f;
};

class KeyedVectors {
 public:
  // `vectors` is words.size() x dim, row-major.
  KeyedVectors(std::vector<std::string> words, int dim, std::vector<float> vectors);

  int size() const { return static_cast<int>(m_words.size()); }
  int dim() const { return m_dim; }
  const std::vector<std::string>& words() const { return m_words; }
  const std::vector<float>& vectors() const { return m_vectors; }
  int find(std::string_view word) const;  // -1 when absent

  // Throws ConfigError "word \"w\" is not in the vocabulary" for an unknown word.
  int require(std::string_view word) const;

  float cosine(int a, int b) const;

  // The n words nearest `word` by cosine, itself excluded, most similar first.
  std::vector<Neighbour> neighbours(std::string_view word, int n) const;

  // a - b + c (king - man + woman): the n words nearest the mean of the unit vectors of a and c
  // minus b's, the three query words excluded (gensim's most_similar(positive=[a, c],
  // negative=[b])).
  std::vector<Neighbour> analogy(std::string_view a, std::string_view b, std::string_view c,
                                 int n) const;

 private:
  std::vector<Neighbour> nearest(const std::vector<float>& query, const std::vector<int>& exclude,
                                 int n) const;
  const float* unit(int i) const {
    return m_unit.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_dim);
  }

  std::vector<std::string> m_words;
  int m_dim;
  std::vector<float> m_vectors;
  std::vector<float> m_unit;  // rows scaled to length 1 (a zero row stays zero)
  std::unordered_map<std::string, int, text::StringHash, std::equal_to<>> m_index;
};

}  // namespace genlab::word2vec
