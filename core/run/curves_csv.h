#pragma once
// Training curves of several runs in one CSV table, for a notebook or a paper's plot: a "step"
// column, then one column per run and metric headed "run/metric", one row per step that any
// run logged (ascending), an empty cell where a run has no value at that step. Values are
// written in the shortest form that reads back as the same double; NaN and infinities as
// "nan", "inf", "-inf", as metrics.csv has them.

#include <filesystem>
#include <string>
#include <vector>

#include "core/train/metrics_ring.h"

namespace genlab::run {

struct CurveSource {
  std::string name;  // the run's column prefix
  std::vector<std::string> columns;
  std::vector<train::MetricsRow> rows;  // in logging order; a later row for a step wins
};

// Writes to "<path>.tmp", then renames. Throws DataError naming the path when it cannot write.
void writeCurvesCsv(const std::vector<CurveSource>& runs, const std::filesystem::path& path);

// The curves of recorded runs from their metrics.csv, named by folder name (the full path for
// folders whose names repeat). Throws DataError naming a folder that is not a run or a
// metrics file with no data.
std::vector<CurveSource> readCurveSources(const std::vector<std::filesystem::path>& folders);

}  // namespace genlab::run
