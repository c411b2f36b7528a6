#include "core/data/csv_cell_checks.h"

#include <sstream>

#include "core/util/errors.h"

namespace genlab::data {
namespace {

template <class Bad>
void requireCells(const CsvMatrix& csv, const std::string& file, std::string_view what, Bad bad) {
  for (Eigen::Index i = 0; i < csv.values.rows(); ++i) {
    for (Eigen::Index j = 0; j < csv.values.cols(); ++j) {
      const double x = csv.values(i, j);
      if (bad(x)) {
        std::ostringstream message;
        message << csvRowWhere(file, csv, i) << ": column " << j + 1 << " is " << x << ", " << what;
        throw DataError(message.str());
      }
    }
  }
}

}  // namespace

std::string csvRowWhere(const std::string& file, const CsvMatrix& csv, Eigen::Index row) {
  return file + ":" + std::to_string(csv.rowLines[static_cast<std::size_t>(row)]);
}

void requireBinaryCells(const CsvMatrix& csv, const std::string& file, std::string_view what) {
  requireCells(csv, file, what, [](double x) { return x != 0.0 && x != 1.0; });
}

void requireNonNegativeCells(const CsvMatrix& csv, const std::string& file, std::string_view what) {
  requireCells(csv, file, what, [](double x) { return x < 0.0; });
}

}  // namespace genlab::data
