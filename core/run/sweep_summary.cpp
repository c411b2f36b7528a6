#include "core/run/sweep_summary.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

#include "core/run/metrics_reader.h"
#include "core/run/run_format.h"
#include "core/run/sweep_jobs.h"

namespace genlab::run {
namespace fs = std::filesystem;
namespace {

std::string csvNumber(double value) {
  std::ostringstream out;
  out << std::setprecision(std::numeric_limits<double>::max_digits10) << value;
  return out.str();
}

std::string csvCell(const nlohmann::ordered_json& value) {
  std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

MetricSpread spreadOf(const std::vector<double>& values) {
  MetricSpread spread;
  spread.n = static_cast<int>(values.size());
  if (values.empty()) return spread;
  double sum = 0.0;
  for (double v : values) sum += v;
  spread.mean = sum / spread.n;
  if (spread.n < 2) return spread;
  double squares = 0.0;
  for (double v : values) squares += (v - spread.mean) * (v - spread.mean);
  spread.sd = std::sqrt(squares / (spread.n - 1));
  return spread;
}

SweepSummary summarizeSweep(const fs::path& sweepFolder, const SweepPlan& plan) {
  SweepSummary summary;
  const int gridPoints = plan.gridPoints();
  summary.points.resize(static_cast<std::size_t>(gridPoints));
  // finals[point][metric] = the final values of the point's finished runs.
  std::vector<std::vector<std::vector<double>>> finals(static_cast<std::size_t>(gridPoints));
  for (const auto& run : plan.runs) {
    SweepPointSummary& point = summary.points[static_cast<std::size_t>(run.gridPoint)];
    point.gridPoint = run.gridPoint;
    point.settings = run.settings;
    ++point.runs;
    const SweepRunStatus status = inspectSweepRun(sweepFolder, run);
    if (status.state != SweepRunState::kFinished) continue;
    std::vector<std::string> columns;
    train::MetricsRow row;
    if (!readLastMetricsRow(sweepFolder / run.folder / kMetricsFile, columns, row)) {
      summary.problems.push_back(run.folder + ": finished without a complete metrics row");
      continue;
    }
    ++point.finished;
    auto& values = finals[static_cast<std::size_t>(run.gridPoint)];
    for (std::size_t c = 0; c < columns.size() && c < row.values.size(); ++c) {
      const auto known =
          std::find(summary.metricNames.begin(), summary.metricNames.end(), columns[c]);
      const auto m = static_cast<std::size_t>(known - summary.metricNames.begin());
      if (known == summary.metricNames.end()) summary.metricNames.push_back(columns[c]);
      if (values.size() <= m) values.resize(m + 1);
      values[m].push_back(row.values[c]);
    }
  }
  for (std::size_t p = 0; p < summary.points.size(); ++p) {
    finals[p].resize(summary.metricNames.size());
    for (const auto& values : finals[p]) summary.points[p].metrics.push_back(spreadOf(values));
  }
  return summary;
}

std::string sweepSummaryCsv(const SweepSummary& summary, const SweepPlan& plan) {
  std::ostringstream out;
  out << "grid_point";
  for (const auto& axis : plan.axes) out << ',' << csvCell(axis.key);
  out << ",runs,finished";
  for (const auto& name : summary.metricNames)
    out << ',' << name << "_mean," << name << "_sd," << name << "_n";
  out << '\n';
  for (const auto& point : summary.points) {
    out << point.gridPoint;
    for (const auto& axis : plan.axes) out << ',' << csvCell(point.settings.at(axis.key));
    out << ',' << point.runs << ',' << point.finished;
    for (const auto& spread : point.metrics) {
      if (spread.n == 0) {
        out << ",,,0";
        continue;
      }
      out << ',' << csvNumber(spread.mean) << ',' << (spread.n > 1 ? csvNumber(spread.sd) : "")
          << ',' << spread.n;
    }
    out << '\n';
  }
  return out.str();
}

nlohmann::ordered_json sweepSummaryToJson(const SweepSummary& summary) {
  nlohmann::ordered_json out;
  out["metrics"] = summary.metricNames;
  out["points"] = nlohmann::ordered_json::array();
  for (const auto& point : summary.points) {
    nlohmann::ordered_json item;
    item["grid_point"] = point.gridPoint;
    item["settings"] = point.settings;
    item["runs"] = point.runs;
    item["finished"] = point.finished;
    nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
    for (std::size_t m = 0; m < summary.metricNames.size(); ++m) {
      const MetricSpread& spread = point.metrics[m];
      metrics[summary.metricNames[m]] =
          spread.n == 0
              ? nlohmann::ordered_json()
              : nlohmann::ordered_json{{"mean", spread.mean},
                                       {"sd", spread.n > 1 ? nlohmann::ordered_json(spread.sd)
                                                           : nlohmann::ordered_json()},
                                       {"n", spread.n}};
    }
    item["metrics"] = metrics;
    out["points"].push_back(item);
  }
  out["problems"] = summary.problems;
  return out;
}

}  // namespace genlab::run
