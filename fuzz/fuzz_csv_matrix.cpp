// Numeric CSV import for point data (core/data/csv_matrix.h): the GMM's `fit --data`, a
// lesson's {"kind": "csv"} dataset, the lab's import.

#include "core/data/csv_matrix.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::InputFile file(data, size, "points.csv");
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    const data::CsvMatrix m = data::readCsvMatrix(file.path());
    fuzz::check(m.values.rows() >= 1 && m.values.cols() >= 1, "at least one row and column");
    fuzz::check(m.values.allFinite(), "finite values");
    fuzz::check(
        m.columnNames.empty() || static_cast<Eigen::Index>(m.columnNames.size()) == m.values.cols(),
        "one name per column");
  });
  return 0;
}
