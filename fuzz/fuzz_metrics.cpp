// A run's metrics.csv (core/run/metrics_reader.h), read as it grows: the lab polls it while a
// run writes, and `genlab runs` reads its last row. The reader never throws; it skips, counts
// and reports what is malformed.
//
// Input: one byte that says where the writer "paused" (a fraction of the file), then the file.
// The target polls after the first part, appends the rest, polls again, and reads the last row.

#include <vector>

#include "core/run/metrics_reader.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

namespace {

void checkTable(const run::MetricsFileReader& reader) {
  for (const auto& row : reader.rows()) {
    fuzz::check(row.values.size() == reader.columns().size(), "one value per column");
    fuzz::check(row.step >= 0, "non-negative steps");
  }
  fuzz::check(reader.problems().size() <= reader.skippedRows(), "problems are skipped rows");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::size_t body = size - 1;
  const std::size_t pause = body * data[0] / 255;
  const fuzz::InputFile file(data + 1, pause, "metrics.csv");
  try {
    run::MetricsFileReader reader(file.path());
    reader.poll();
    checkTable(reader);
    fuzz::writeBytes(file.path(), data + 1 + pause, body - pause, /*append=*/true);
    reader.poll();
    checkTable(reader);

    // The same bytes read in one go give the same table.
    run::MetricsFileReader whole(file.path());
    whole.poll();
    fuzz::check(
        whole.rows().size() == reader.rows().size() && whole.skippedRows() == reader.skippedRows(),
        "reading in two parts gives what reading at once gives");

    std::vector<std::string> columns;
    train::MetricsRow last;
    if (run::readLastMetricsRow(file.path(), columns, last))
      fuzz::check(last.values.size() == columns.size(), "the last row has one value per column");
  } catch (const std::exception& error) {
    fuzz::finding(std::string("the metrics reader threw: ") + error.what());
  }
  return 0;
}
