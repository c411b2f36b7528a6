// The word2vec corpus (core/text/tokenizer.h, vocabulary.h, encoded_corpus.h): the text file of
// `genlab fit word2vec --corpus` and of a lesson's {"kind": "text", "path": ...} dataset, read by
// text::readTokenisedFile and word2vec::readCorpusFiles, then counted into a vocabulary and
// encoded. Checked on what is accepted: the tokeniser's documented rule (no empty token, no ASCII
// space or upper-case letter, no ASCII punctuation at either end), sentences that are not empty,
// a vocabulary whose counts add up, and an encoding that only names words of the vocabulary.

#include <algorithm>
#include <numeric>

#include "core/models/word2vec/word2vec_factory.h"
#include "core/text/encoded_corpus.h"
#include "core/text/tokenizer.h"
#include "core/text/vocabulary.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

namespace {

bool punctuation(unsigned char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

void checkTokens(const text::TokenisedText& text) {
  for (const std::string& token : text.tokens) {
    fuzz::check(!token.empty(), "no empty token");
    fuzz::check(!punctuation(static_cast<unsigned char>(token.front())) &&
                    !punctuation(static_cast<unsigned char>(token.back())),
                "no punctuation at either end of a token");
    fuzz::check(std::none_of(token.begin(), token.end(),
                             [](char c) {
                               return (c >= 'A' && c <= 'Z') || c == ' ' || c == '\t' ||
                                      c == '\n' || c == '\r' || c == '\v' || c == '\f';
                             }),
                "tokens are lower-case and hold no ASCII space");
  }
  std::size_t previous = 0;
  for (const std::size_t end : text.sentenceEnds) {
    fuzz::check(end > previous, "no empty sentence");
    previous = end;
  }
  fuzz::check(previous == text.tokens.size(), "the sentences hold every token");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::InputFile file(data, size, "corpus.txt");
  text::TokenisedText tokens;
  bool read = false;
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    tokens = text::readTokenisedFile(file.path().string());
    read = true;
  });
  // The lesson's reader agrees with the command line's; skipping invalid text skips the file.
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    const text::TokenisedText again = word2vec::readCorpusFiles({file.path()}, false);
    fuzz::check(read && again.tokens == tokens.tokens && again.sentenceEnds == tokens.sentenceEnds,
                "readCorpusFiles reads what readTokenisedFile reads");
  });
  const text::TokenisedText skipped = word2vec::readCorpusFiles({file.path()}, true);
  fuzz::check(read ? skipped.tokens == tokens.tokens : skipped.tokens.empty(),
              "skipInvalid skips exactly the files that are not UTF-8");
  if (!read) return 0;
  checkTokens(tokens);
  for (const std::int64_t minCount : {1, 2}) {
    const text::Vocabulary vocabulary = text::Vocabulary::build(tokens.tokens, minCount);
    const auto& counts = vocabulary.counts();
    fuzz::check(
        std::accumulate(counts.begin(), counts.end(), std::int64_t{0}) == vocabulary.keptTokens(),
        "the counts add up to the tokens kept");
    fuzz::check(vocabulary.allTokens() == static_cast<std::int64_t>(tokens.tokens.size()),
                "every token is counted");
    fuzz::check(std::is_sorted(counts.begin(), counts.end(), std::greater<>()),
                "most frequent first");
    for (int i = 0; i < vocabulary.size(); ++i) {
      fuzz::check(vocabulary.count(i) >= minCount && vocabulary.find(vocabulary.word(i)) == i,
                  "every word is found at its index and occurs min_count times");
    }
    const text::EncodedCorpus encoded = text::encode(tokens, vocabulary);
    fuzz::check(static_cast<std::int64_t>(encoded.words()) == vocabulary.keptTokens(),
                "the encoding keeps exactly the vocabulary's tokens");
    fuzz::check(std::all_of(encoded.ids.begin(), encoded.ids.end(),
                            [&](std::int32_t id) { return id >= 0 && id < vocabulary.size(); }),
                "the encoding names words of the vocabulary");
  }
  return 0;
}
