// The char-RNN's corpus (charrnn::readCorpus, core/models/charrnn/char_corpus.h; torch-free, the
// LibTorch trainer is elsewhere). Mode byte first (the rest is the input):
//   even: the rest is a UTF-8 text file, read as {"kind": "file", "path": ...} dataset;
//   odd:  the rest is a lesson's "dataset" JSON ("inline" text with "repeat", "held_out",
//         "max_chars"; "file" and "fortunes" kinds are left out: they read other files).
// Checked on what is accepted: a sorted alphabet without repeats whose glyphs encode its code
// points, training and held-out indices inside it, at least 2 characters on either side, and
// no more than max_chars characters in all.

#include <algorithm>

#include "core/models/charrnn/char_corpus.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

namespace {

void checkCorpus(const charrnn::CharCorpus& corpus, long long maxChars) {
  fuzz::check(std::adjacent_find(corpus.alphabet.begin(), corpus.alphabet.end(),
                                 std::greater_equal<>()) == corpus.alphabet.end(),
              "a sorted alphabet without repeats");
  fuzz::check(corpus.glyphs.size() == corpus.alphabet.size(), "a glyph per character");
  for (std::size_t i = 0; i < corpus.alphabet.size(); ++i) {
    fuzz::check(corpus.glyphs[i] == charrnn::encodeUtf8(corpus.alphabet[i]) &&
                    corpus.find(corpus.alphabet[i]) == static_cast<int>(i),
                "glyphs encode the alphabet, find inverts it");
  }
  for (const auto* part : {&corpus.train, &corpus.heldOut}) {
    fuzz::check(part->size() >= 2, "2 or more characters on either side");
    fuzz::check(std::all_of(part->begin(), part->end(),
                            [&](std::int32_t c) { return c >= 0 && c < corpus.size(); }),
                "indices inside the alphabet");
  }
  fuzz::check(static_cast<long long>(corpus.train.size() + corpus.heldOut.size()) <= maxChars,
              "no more than max_chars characters");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool json = (data[0] & 1) != 0;
  const fuzz::InputFile file(data + 1, size - 1, json ? "dataset.json" : "corpus.txt");
  if (!json) {
    const nlohmann::json dataset = {{"kind", "file"}, {"path", file.path().string()}};
    fuzz::expectCleanRefusal(file.path().string(),
                             [&] { checkCorpus(charrnn::readCorpus(dataset), 4'000'000); });
    return 0;
  }
  const auto dataset = nlohmann::json::parse(data + 1, data + size, nullptr, false);
  if (dataset.is_discarded()) return 0;  // the lesson reader refuses it (fuzz_lesson)
  if (dataset.is_object() && dataset.value("kind", nlohmann::json()) != "inline") return 0;
  fuzz::expectCleanRefusal("dataset", [&] {
    const charrnn::CharCorpus corpus = charrnn::readCorpus(dataset);
    const long long maxChars =
        dataset.contains("max_chars") ? dataset["max_chars"].get<long long>() : 4'000'000;
    checkCorpus(corpus, maxChars);
  });
  return 0;
}
