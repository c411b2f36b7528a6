// Observation sequences from text files (core/data/sequence_io.h): `genlab fit hmm`,
// `genlab decode hmm` and the lab's sequence import.
//
// Input: one byte of mode, then the file. Mode % 5: 0 symbols with the alphabet inferred,
// 1 symbols through a named alphabet {H, T}, 2 integer ids below 3, 3 numeric CSV of any width,
// 4 numeric CSV of exactly 2 columns.

#include <string>

#include "core/data/sequence_io.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const int mode = data[0] % 5;
  const fuzz::InputFile file(data + 1, size - 1, mode < 3 ? "sequence.txt" : "sequence.csv");
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    if (mode < 3) {
      data::SymbolOptions options;
      if (mode == 1) options.alphabet = {"H", "T"};
      if (mode == 2) options.alphabetSize = 3;
      const data::SymbolSequence seq = data::readSymbolSequence(file.path(), options);
      fuzz::check(!seq.ids.empty(), "at least one symbol");
      for (const int id : seq.ids)
        fuzz::check(id >= 0 && static_cast<std::size_t>(id) < seq.alphabet.size(),
                    "ids index the alphabet");
      return;
    }
    const long columns = mode == 4 ? 2 : 0;
    const data::RowMatrix values = data::readNumericCsv(file.path(), columns);
    fuzz::check(values.rows() >= 1 && values.cols() >= 1, "at least one observation");
    fuzz::check(columns == 0 || values.cols() == columns, "the expected columns");
    fuzz::check(values.allFinite(), "finite values");
  });
  return 0;
}
