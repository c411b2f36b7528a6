#include "core/run/sweep_catalog.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include "core/run/metrics_reader.h"
#include "core/run/run_format.h"
#include "core/run/run_info.h"
#include "core/run/sweep_plan.h"
#include "core/util/errors.h"

namespace genlab::run {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::vector<fs::path> runFoldersIn(const fs::path& folder) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_directory(ec) && isRunFolder(entry.path())) found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

// sweep.json's grid, in the order it was written (nlohmann's plain json sorts object keys).
std::vector<std::pair<std::string, std::vector<json>>> readGrid(
    const fs::path& folder, std::vector<std::string>& problems) {
  std::vector<std::pair<std::string, std::vector<json>>> grid;
  const fs::path file = folder / kSweepFile;
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return grid;
  std::ifstream in(file);
  const auto sweep = nlohmann::ordered_json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (sweep.is_discarded() || !sweep.is_object() || !sweep.contains("grid") ||
      !sweep["grid"].is_object()) {
    problems.push_back(file.string() +
                       ": not a sweep description (no \"grid\" object); "
                       "the swept settings are taken from the runs");
    return grid;
  }
  for (const auto& [key, values] : sweep["grid"].items()) {
    std::vector<json> list;
    if (values.is_array())
      for (const auto& value : values) list.push_back(json::parse(value.dump()));
    grid.emplace_back(key, std::move(list));
  }
  return grid;
}

bool sameValue(const json& a, const json& b) {
  // 1 and 1.0 are one value (a grid written as "1" reads back as an integer, a trainer's
  // setting may be a float).
  if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
  return a == b;
}

bool lessValue(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) return a.get<double>() < b.get<double>();
  if (a.is_number() != b.is_number()) return a.is_number();  // numbers before words
  return a.dump() < b.dump();
}

std::string valueText(const json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

SweptSetting makeSetting(const std::string& key, std::vector<json> values) {
  SweptSetting setting;
  setting.key = key;
  setting.values = std::move(values);
  setting.numeric =
      !setting.values.empty() && std::all_of(setting.values.begin(), setting.values.end(),
                                             [](const json& v) { return v.is_number(); });
  if (setting.numeric) {
    double lo = INFINITY, hi = -INFINITY;
    for (const auto& v : setting.values) {
      lo = std::min(lo, v.get<double>());
      hi = std::max(hi, v.get<double>());
    }
    setting.logScale = lo > 0 && hi / lo >= 100.0;
  }
  return setting;
}

// The settings whose values differ across the runs, in the grid's order where there is one,
// then in key order; each with its distinct values.
std::vector<SweptSetting> sweptSettings(
    const std::vector<SweepRun>& runs,
    const std::vector<std::pair<std::string, std::vector<json>>>& grid) {
  std::set<std::string> keys;
  for (const auto& run : runs)
    for (const auto& [key, value] : run.settings.items()) keys.insert(key);
  std::map<std::string, std::vector<json>> distinct;
  for (const auto& key : keys) {
    std::vector<json> values;
    for (const auto& run : runs) {
      const json value = run.settings.contains(key) ? run.settings[key] : json();
      const bool seen = std::any_of(values.begin(), values.end(),
                                    [&](const json& v) { return sameValue(v, value); });
      if (!seen) values.push_back(value);
    }
    if (values.size() >= 2) distinct[key] = std::move(values);
  }
  std::vector<SweptSetting> settings;
  for (const auto& [key, order] : grid) {
    auto it = distinct.find(key);
    if (it == distinct.end()) continue;
    // The grid's order first, then any value the runs have that the grid does not list.
    std::vector<json> values;
    for (const auto& value : order)
      for (const auto& v : it->second)
        if (sameValue(v, value)) {
          values.push_back(v);
          break;
        }
    for (const auto& v : it->second)
      if (std::none_of(values.begin(), values.end(),
                       [&](const json& w) { return sameValue(v, w); }))
        values.push_back(v);
    settings.push_back(makeSetting(key, std::move(values)));
    distinct.erase(it);
  }
  for (auto& [key, values] : distinct) {
    std::sort(values.begin(), values.end(), lessValue);
    settings.push_back(makeSetting(key, std::move(values)));
  }
  return settings;
}

std::vector<SweepPoint> groupPoints(const std::vector<SweepRun>& runs,
                                    const std::vector<SweptSetting>& settings) {
  std::map<std::vector<int>, SweepPoint> byIndex;  // ordered by value indices: the axis order
  for (std::size_t r = 0; r < runs.size(); ++r) {
    std::vector<int> index;
    SweepPoint point;
    for (const auto& setting : settings) {
      const json value =
          runs[r].settings.contains(setting.key) ? runs[r].settings[setting.key] : json();
      index.push_back(setting.indexOf(value));
      point.values.push_back(value);
      point.label += (point.label.empty() ? "" : ", ") + setting.key + "=" + valueText(value);
    }
    auto [it, added] = byIndex.try_emplace(index, std::move(point));
    it->second.runs.push_back(r);
  }
  std::vector<SweepPoint> points;
  for (auto& [index, point] : byIndex) {
    std::sort(point.runs.begin(), point.runs.end(),
              [&](std::size_t a, std::size_t b) { return runs[a].seed < runs[b].seed; });
    if (point.label.empty()) point.label = "all runs";
    points.push_back(std::move(point));
  }
  return points;
}

}  // namespace

int SweptSetting::indexOf(const json& value) const {
  for (std::size_t i = 0; i < values.size(); ++i)
    if (sameValue(values[i], value)) return static_cast<int>(i);
  return -1;
}

bool isSweepFolder(const fs::path& folder) {
  std::error_code ec;
  if (isRunFolder(folder)) return false;
  if (fs::is_regular_file(folder / kSweepFile, ec)) return true;
  return runFoldersIn(folder).size() >= 2;
}

SweepCatalog readSweep(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) throw DataError(folder.string() + ": no such sweep folder");
  if (isRunFolder(folder))
    throw DataError(folder.string() + ": a run folder, not a sweep (open it as a run)");
  SweepCatalog sweep;
  sweep.folder = folder;
  const auto grid = readGrid(folder, sweep.problems);
  for (const auto& runFolder : runFoldersIn(folder)) {
    try {
      const RunInfo info = readRunInfo(runFolder);
      SweepRun run;
      run.folder = runFolder;
      run.name = runFolder.filename().string();
      run.seed = info.seed;
      run.status = info.status;
      run.settings = info.settings;
      MetricsFileReader reader(runFolder / kMetricsFile);
      reader.poll();
      run.columns = reader.columns();
      run.rows = reader.rows();
      for (const auto& problem : reader.problems()) sweep.problems.push_back(problem);
      for (const auto& column : run.columns)
        if (std::find(sweep.metrics.begin(), sweep.metrics.end(), column) == sweep.metrics.end())
          sweep.metrics.push_back(column);
      if (!run.rows.empty()) sweep.lastStep = std::max(sweep.lastStep, run.rows.back().step);
      sweep.runs.push_back(std::move(run));
    } catch (const std::exception& error) {
      sweep.problems.push_back(std::string(error.what()) + " (skipped)");
    }
  }
  if (sweep.runs.empty()) {
    throw DataError(folder.string() +
                    ": not a sweep folder (none of its subfolders is a run folder with run.json)");
  }
  sweep.settings = sweptSettings(sweep.runs, grid);
  sweep.points = groupPoints(sweep.runs, sweep.settings);
  return sweep;
}

std::optional<bool> lowerIsBetter(const std::string& metric) {
  const auto has = [&](const char* word) { return metric.find(word) != std::string::npos; };
  for (const char* word : {"likelihood", "elbo", "accuracy", "modes_covered", "score", "auc"})
    if (has(word)) return false;
  for (const char* word : {"loss", "kl", "js", "error", "bic", "aic", "nll", "perplexity",
                           "reconstruction", "delta", "fid"})
    if (has(word)) return true;
  return std::nullopt;
}

std::optional<double> runValue(const SweepRun& run, const SweepMeasure& measure) {
  const auto column = std::find(run.columns.begin(), run.columns.end(), measure.metric);
  if (column == run.columns.end()) return std::nullopt;
  const auto c = static_cast<std::size_t>(column - run.columns.begin());
  std::optional<double> value;
  for (const auto& row : run.rows) {
    if (measure.statistic == SweepStatistic::kAtStep && row.step > measure.step) break;
    if (c >= row.values.size() || !std::isfinite(row.values[c])) continue;
    const double v = row.values[c];
    if (measure.statistic == SweepStatistic::kBest && value)
      value = measure.bestIsLowest ? std::min(*value, v) : std::max(*value, v);
    else
      value = v;
  }
  return value;
}

PointStats pointStats(const SweepCatalog& sweep, const SweepPoint& point,
                      const SweepMeasure& measure) {
  PointStats stats;
  for (const std::size_t r : point.runs) {
    if (const auto value = runValue(sweep.runs[r], measure)) {
      stats.values.push_back(*value);
      stats.runs.push_back(r);
    }
  }
  if (stats.values.empty()) return stats;
  const double n = static_cast<double>(stats.values.size());
  double sum = 0;
  for (double v : stats.values) sum += v;
  stats.mean = sum / n;
  double squares = 0;
  for (double v : stats.values) squares += (v - stats.mean) * (v - stats.mean);
  stats.sd = stats.values.size() > 1 ? std::sqrt(squares / (n - 1.0)) : 0.0;
  const auto [lo, hi] = std::minmax_element(stats.values.begin(), stats.values.end());
  stats.min = *lo;
  stats.max = *hi;
  return stats;
}

}  // namespace genlab::run
