// Word vectors in the word2vec text format (word2vec::readWord2VecText,
// core/models/word2vec/word2vec_format.h): what `genlab neighbours --vectors` and `genlab analogy
// --vectors` read, written by `fit word2vec --out`, gensim or the C tool. Checked on what is
// accepted: finite values, distinct words, V x D values, and a file that writes out and reads
// back to the same words and the same float bits.

#include <cmath>
#include <cstring>

#include "core/models/word2vec/word2vec_format.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::InputFile file(data, size, "vectors.txt");
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    const word2vec::KeyedVectors vectors = word2vec::readWord2VecText(file.path().string());
    const auto& values = vectors.vectors();
    fuzz::check(values.size() == vectors.words().size() * static_cast<std::size_t>(vectors.dim()),
                "V x D values");
    for (const float x : values) fuzz::check(std::isfinite(x), "finite values");
    for (int i = 0; i < vectors.size(); ++i) {
      fuzz::check(vectors.find(vectors.words()[static_cast<std::size_t>(i)]) == i,
                  "distinct words, each found at its row");
    }
    const auto copy = fuzz::scratchFolder() / "vectors-copy.txt";
    word2vec::writeWord2VecText(copy.string(), vectors.words(), vectors.dim(), values);
    const word2vec::KeyedVectors again = word2vec::readWord2VecText(copy.string());
    fuzz::check(again.words() == vectors.words() && again.dim() == vectors.dim() &&
                    again.vectors().size() == values.size() &&
                    (values.empty() || std::memcmp(again.vectors().data(), values.data(),
                                                   values.size() * sizeof(float)) == 0),
                "a round trip through writeWord2VecText");
  });
  return 0;
}
