#pragma once
// The table at the end of a sweep: for each grid point, each metric's final value (the last
// row of metrics.csv) over the point's finished runs, as mean, sample standard deviation and
// count. Runs not finished are left out of the numbers and counted, so a half-done sweep never
// passes a stopped run's last row off as a final result.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/run/sweep_plan.h"

namespace genlab::run {

struct MetricSpread {
  double mean = 0.0;
  double sd = 0.0;  // sample standard deviation (n - 1); 0 when n < 2
  int n = 0;
};

struct SweepPointSummary {
  int gridPoint = 0;
  nlohmann::ordered_json settings = nlohmann::ordered_json::object();
  int runs = 0;                       // runs planned at this point (the seeds)
  int finished = 0;                   // of which finished, with a final metrics row
  std::vector<MetricSpread> metrics;  // one per SweepSummary::metricNames
};

struct SweepSummary {
  std::vector<std::string> metricNames;  // in the order the runs' metrics.csv give them
  std::vector<SweepPointSummary> points;
  std::vector<std::string> problems;  // runs that could not be read, as "folder: why"
};

SweepSummary summarizeSweep(const std::filesystem::path& sweepFolder, const SweepPlan& plan);

// mean and sample standard deviation of `values`.
MetricSpread spreadOf(const std::vector<double>& values);

// summary.csv: grid_point, the swept keys, runs, finished, then <metric>_mean, <metric>_sd and
// <metric>_n for each metric; values with 17 significant digits.
std::string sweepSummaryCsv(const SweepSummary& summary, const SweepPlan& plan);

// {metrics: [names], points: [{grid_point, settings, runs, finished, metrics: {name: {mean, sd,
// n}}}], problems: [...]}; a spread with n = 0 is null.
nlohmann::ordered_json sweepSummaryToJson(const SweepSummary& summary);

}  // namespace genlab::run
