#pragma once
// Splits text into word tokens, one sentence per line, for the text lessons (word2vec first).
//
// The rule is simple enough to write again in a few lines of Python, so the tests and the
// benchmark can give gensim exactly the tokens genlab trains on:
//   - a line (ended by '\n') is a sentence; context windows never cross it;
//   - words are separated by ASCII whitespace (space, \t, \r, \v, \f);
//   - ASCII letters are lower-cased; other bytes (UTF-8 letters included) are kept as they are;
//   - ASCII punctuation (Python's string.punctuation) is stripped from both ends of a word, and
//     a word left empty is dropped ("don't" stays, "(hello)," becomes "hello", "--" vanishes).
// In Python: [w.lower().strip(punctuation) for w in line_bytes.split()], on bytes, minus "".

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace genlab::text {

// Tokens of a whole text, sentence by sentence. Sentence s holds
// tokens[sentenceEnds[s-1] .. sentenceEnds[s]) (from 0 for s = 0); no sentence is empty.
struct TokenisedText {
  std::vector<std::string> tokens;
  std::vector<std::size_t> sentenceEnds;
};

// Appends the tokens of one line (without its '\n') to `out`.
void tokeniseLine(std::string_view line, std::vector<std::string>& out);

// Tokenises in-memory text; `source` names it in error messages.
TokenisedText tokeniseText(std::string_view text, const std::string& source);

// Reads and tokenises a UTF-8 text file. Throws DataError "path: cannot open file", or
// "path:line: not UTF-8 text (byte 0xNN at column C)" for the first malformed line.
TokenisedText readTokenisedFile(const std::string& path);

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are malformed), or npos when `text` is valid.
std::size_t firstInvalidUtf8(std::string_view text);

}  // namespace genlab::text
