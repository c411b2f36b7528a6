#pragma once
// A tokenised text as vocabulary indices: the form a model trains on. Tokens whose word is not
// in the vocabulary (below min-count) are left out before any window is taken, as in the C tool
// and gensim; a sentence left empty is dropped.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/text/tokenizer.h"
#include "core/text/vocabulary.h"

namespace genlab::text {

struct EncodedCorpus {
  std::vector<std::int32_t> ids;          // all sentences, back to back
  std::vector<std::size_t> sentenceEnds;  // as TokenisedText::sentenceEnds

  std::int64_t words() const { return static_cast<std::int64_t>(ids.size()); }
  std::size_t sentences() const { return sentenceEnds.size(); }
  std::size_t sentenceBegin(std::size_t s) const { return s == 0 ? 0 : sentenceEnds[s - 1]; }
};

EncodedCorpus encode(const TokenisedText& text, const Vocabulary& vocabulary);

}  // namespace genlab::text
