// The cell checks of the command line's image and count files (core/data/csv_cell_checks.h) on
// what data::readCsvMatrix reads: `fit rbm --data/--test` and `fit nb --kind bernoulli
// --binarize none` need 0/1 cells, `fit nb --kind multinomial` counts that are not negative
// (the same for `fit nb --predict`). Checked: a refusal names the file and the line of the
// first offending row; what is accepted holds only 0 and 1 (or no negative number).

#include "core/data/csv_cell_checks.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::InputFile file(data, size, "images.csv");
  const std::string name = file.path().string();
  data::CsvMatrix csv;
  bool read = false;
  fuzz::expectCleanRefusal(name, [&] {
    csv = data::readCsvMatrix(file.path());
    read = true;
  });
  if (!read) return 0;
  fuzz::check(csv.rowLines.size() == static_cast<std::size_t>(csv.values.rows()), "a line per row");
  fuzz::expectCleanRefusal(name + ":", [&] {
    data::requireBinaryCells(csv, name, "not 0 or 1");
    fuzz::check((csv.values.array() == 0.0 || csv.values.array() == 1.0).all(), "0/1 cells");
  });
  fuzz::expectCleanRefusal(name + ":", [&] {
    data::requireNonNegativeCells(csv, name, "a negative count");
    fuzz::check((csv.values.array() >= 0.0).all(), "no negative cell");
  });
  return 0;
}
