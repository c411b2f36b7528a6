#pragma once
// Checks on every cell of a CSV matrix that a model needs of its input file: 0/1 pixels
// (`fit rbm --data`, `fit nb --kind bernoulli --binarize none`), counts that are not negative
// (`fit nb --kind multinomial`). The first offending cell, in row-major order, is named by the
// file, its line and its column: DataError "FILE:LINE: column J is X, <what>".

#include <string>
#include <string_view>

#include "core/data/csv_matrix.h"

namespace genlab::data {

// "FILE:LINE" of row `row` of `csv` read from `file` (row < csv.rowLines.size()).
std::string csvRowWhere(const std::string& file, const CsvMatrix& csv, Eigen::Index row);

// Throws for the first cell that is not exactly 0 or 1; `what` ends the message
// ("not 0 or 1" and a hint).
void requireBinaryCells(const CsvMatrix& csv, const std::string& file, std::string_view what);

// Throws for the first negative cell (NaN is not read by readCsvMatrix).
void requireNonNegativeCells(const CsvMatrix& csv, const std::string& file, std::string_view what);

}  // namespace genlab::data
