#pragma once
// The text a character-level model trains on, as indices into the characters of the corpus.
//
// A character is a Unicode code point (UTF-8 decoded). The alphabet is every distinct code
// point of the whole text (training and held-out parts), sorted by code point, so a held-out
// character always has an index and two runs on the same text agree on it (Python: the
// alphabet is sorted(set(text))).
//
// Split: the last `held_out` fraction of the text (default 5%) is held out, as one contiguous
// passage, so no sentence is both trained on and evaluated. The training part is the rest.
//
// Dataset JSON of a lesson:
//   {"kind": "fortunes"}                  every fortune file of Debian's fortunes packages
//                                         (/usr/share/games/fortunes, files in name order,
//                                         .dat indexes and .u8 links skipped, the "%" lines that
//                                         separate fortunes removed); without the package, the
//                                         licence texts of /usr/share/common-licenses instead
//   {"kind": "file", "path": "x.txt"}     one UTF-8 text file (relative to the lesson)
//   {"kind": "inline", "text": "...", "repeat": 20}
//                                         a text written in the lesson, repeated
// plus, for every kind: "held_out" (fraction in [0.01, 0.5], default 0.05) and "max_chars"
// (the text is cut to its first max_chars characters; default 4,000,000).

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace genlab::charrnn {

struct CharCorpus {
  std::string source;               // what the text is, for messages ("fortunes (43 files)")
  std::vector<char32_t> alphabet;   // sorted code points
  std::vector<std::string> glyphs;  // alphabet[i] as UTF-8, for display
  std::vector<std::int32_t> train;  // indices into the alphabet
  std::vector<std::int32_t> heldOut;

  int size() const { return static_cast<int>(alphabet.size()); }
  // The index of code point `c`, or -1.
  int find(char32_t c) const;
};

// Code points of valid UTF-8 `text`; throws DataError "<source>: not UTF-8 text (byte 0xNN at
// offset K)" otherwise.
std::u32string decodeUtf8(std::string_view text, const std::string& source);
std::string encodeUtf8(char32_t c);

// Builds the corpus of `text` with the last `heldOutFraction` held out. Throws DataError naming
// `source` when the text is too short to train on (fewer than 2 characters on either side).
CharCorpus makeCorpus(std::u32string_view text, double heldOutFraction, std::string source);

// Reads the corpus a lesson's "dataset" names; relative paths resolve against `base`. Throws
// ConfigError naming "dataset.<key>" for bad keys, DataError naming the file for bad text.
CharCorpus readCorpus(const nlohmann::json& dataset, const std::filesystem::path& base = {});

// Unigram and bigram cross-entropies in bits per character: the baselines a character model
// must beat. Both are estimated from `train` with add-one (Laplace) smoothing over the alphabet
// of `symbols` characters:
//   P(b)     = (count(b) + 1) / (N + V)                 N: training characters
//   P(b | a) = (count(a b) + 1) / (count(a .) + V)      count(a .): bigrams of train starting a
// and evaluated on the characters of `text` a model predicts: text[1..n-1] (the bigram given
// text[i-1]), so they compare with the model's bits per character on the same text.
struct NgramBaselines {
  double unigramBits = 0.0;
  double bigramBits = 0.0;
};
NgramBaselines ngramBaselines(const std::vector<std::int32_t>& train,
                              const std::vector<std::int32_t>& text, int symbols);

}  // namespace genlab::charrnn
