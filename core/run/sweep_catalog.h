#pragma once
// Reading a sweep folder for the lab's sweep view: a folder whose immediate subfolders are run
// folders (docs/RUNS.md). The runs are grouped into points, one per combination of the swept
// settings; runs that differ only in their seed are one point. Per metric, each run gives one
// value (its final, best, or at-step value) and each point the mean and spread of its runs'.
//
// The swept settings are the keys of run.json's "settings" whose values differ across the runs.
// When the folder has the sweep.json `genlab sweep` writes ({"grid": {key: [values]}, ...}),
// its grid gives the order of the settings and of their values; without it, settings are in
// key order and values ascending.

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/train/metrics_ring.h"

namespace genlab::run {

// One run of the sweep, with its whole metrics table.
struct SweepRun {
  std::filesystem::path folder;
  std::string name;  // the folder's name
  std::uint64_t seed = 0;
  std::string status;
  nlohmann::json settings = nlohmann::json::object();  // the trainer's settings, latest
  std::vector<std::string> columns;                    // metric names in metrics.csv
  std::vector<train::MetricsRow> rows;                 // complete rows, in file order
};

// A setting that differs across the runs: its values in axis order.
struct SweptSetting {
  std::string key;
  std::vector<nlohmann::json> values;
  bool numeric = false;   // every value a number: a numeric axis
  bool logScale = false;  // numeric, all positive, spanning two decades or more
  // The index of `value` in `values`, or -1.
  int indexOf(const nlohmann::json& value) const;
};

// One combination of the swept settings, and the runs (seeds) that trained it.
struct SweepPoint {
  std::vector<nlohmann::json> values;  // one per SweptSetting, in the same order
  std::vector<std::size_t> runs;       // indices into SweepCatalog::runs, by seed
  std::string label;                   // "k=3, lr=0.01"
};

struct SweepCatalog {
  std::filesystem::path folder;
  std::vector<SweepRun> runs;
  std::vector<SweptSetting> settings;  // swept, in axis order
  std::vector<SweepPoint> points;      // ordered by the settings' values, first setting slowest
  std::vector<std::string> metrics;    // every metric of any run, first run's order first
  std::int64_t lastStep = 0;           // the largest step of any run
  std::vector<std::string> problems;   // runs skipped, malformed rows, a bad sweep.json
};

// Whether `folder` is a sweep folder: it has sweep.json, or at least two of its immediate
// subfolders are run folders.
bool isSweepFolder(const std::filesystem::path& folder);

// Reads every run folder directly under `folder`. A run that cannot be read is skipped and named
// in `problems`. Throws DataError naming the folder when it has no readable run.
SweepCatalog readSweep(const std::filesystem::path& folder);

enum class SweepStatistic { kFinal, kBest, kAtStep };

// Whether smaller values of a metric are better (losses, divergences, errors), larger are
// (likelihoods, ELBOs, accuracies), or the name does not say (nullopt).
std::optional<bool> lowerIsBetter(const std::string& metric);

struct SweepMeasure {
  std::string metric;
  SweepStatistic statistic = SweepStatistic::kFinal;
  std::int64_t step = 0;     // kAtStep: the last row at or before this step
  bool bestIsLowest = true;  // kBest: the minimum (else the maximum)
};

// One run's value of `measure`; nullopt when the run has no finite value of the metric (no such
// column, no row yet, kAtStep before its first row). Non-finite cells are skipped. A run that
// ended before `step` gives its last value: it stopped changing there (EM converged).
std::optional<double> runValue(const SweepRun& run, const SweepMeasure& measure);

struct PointStats {
  std::vector<double> values;     // one per run that has a value, in the point's run order
  std::vector<std::size_t> runs;  // the runs those values belong to (SweepCatalog indices)
  double mean = 0, sd = 0, min = 0, max = 0;  // sd: sample (n - 1); 0 for one value
  bool empty() const { return values.empty(); }
};

PointStats pointStats(const SweepCatalog& sweep, const SweepPoint& point,
                      const SweepMeasure& measure);

}  // namespace genlab::run
