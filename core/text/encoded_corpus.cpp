#include "core/text/encoded_corpus.h"

namespace genlab::text {

EncodedCorpus encode(const TokenisedText& text, const Vocabulary& vocabulary) {
  EncodedCorpus corpus;
  corpus.ids.reserve(static_cast<std::size_t>(vocabulary.keptTokens()));
  std::size_t begin = 0;
  for (const std::size_t end : text.sentenceEnds) {
    for (std::size_t t = begin; t < end; ++t) {
      const int id = vocabulary.find(text.tokens[t]);
      if (id >= 0) corpus.ids.push_back(id);
    }
    if (corpus.ids.size() > (corpus.sentenceEnds.empty() ? 0 : corpus.sentenceEnds.back())) {
      corpus.sentenceEnds.push_back(corpus.ids.size());
    }
    begin = end;
  }
  return corpus;
}

}  // namespace genlab::text
