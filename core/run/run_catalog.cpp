#include "core/run/run_catalog.h"

#include <algorithm>
#include <cstdlib>

#include "core/run/metrics_reader.h"
#include "core/run/run_format.h"

namespace genlab::run {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kMaxDepth = 3;

void findRunFolders(const fs::path& folder, int depth, std::vector<fs::path>& out) {
  if (isRunFolder(folder)) {
    out.push_back(folder);
    return;  // a run's own subfolders (checkpoints) hold no runs
  }
  if (depth >= kMaxDepth) return;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_directory(ec) && entry.path().filename().string().front() != '.')
      findRunFolders(entry.path(), depth + 1, out);
  }
}

}  // namespace

fs::path defaultRunsDirectory() {
  if (const char* runs = std::getenv("GENLAB_RUNS"); runs && *runs) return runs;
  if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data)
    return fs::path(data) / "genlab" / "runs";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : ".") / ".local" / "share" / "genlab" / "runs";
}

RunSummary summarizeRun(const fs::path& folder) {
  RunSummary summary;
  summary.info = readRunInfo(folder);
  summary.changedSettings = settingsChangedFromLesson(summary.info);
  train::MetricsRow row;
  if (readLastMetricsRow(folder / kMetricsFile, summary.metricNames, row)) {
    summary.lastStep = row.step;
    summary.lastMetrics = row.values;
    summary.wallSeconds = row.wallSeconds;
  }
  if (summary.metricNames.empty()) summary.metricNames = summary.info.metricNames;
  for (const auto& checkpoint : summary.info.checkpoints)
    summary.checkpointBytes += checkpoint.bytes;
  return summary;
}

std::vector<RunSummary> listRuns(const fs::path& directory, std::vector<std::string>& problems) {
  std::vector<fs::path> folders;
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    problems.push_back(directory.string() + ": no such folder");
    return {};
  }
  findRunFolders(directory, 0, folders);
  std::vector<RunSummary> runs;
  runs.reserve(folders.size());
  for (const auto& folder : folders) {
    try {
      runs.push_back(summarizeRun(folder));
      // A listing needs the summary, not the whole run.json (its lesson, dataset and event
      // log): a thousand of them held 250 MB.
      runs.back().info.raw = nlohmann::json();
    } catch (const std::exception& error) {
      problems.emplace_back(error.what());
    }
  }
  std::stable_sort(runs.begin(), runs.end(), [](const RunSummary& a, const RunSummary& b) {
    return a.info.started > b.info.started;
  });
  return runs;
}

json summaryToJson(const RunSummary& s) {
  json metrics = json::object();
  for (std::size_t i = 0; i < s.lastMetrics.size() && i < s.metricNames.size(); ++i)
    metrics[s.metricNames[i]] = s.lastMetrics[i];
  json checkpoints = json::array();
  for (const auto& c : s.info.checkpoints)
    checkpoints.push_back(
        {{"step", c.step}, {"file", c.file.generic_string()}, {"bytes", c.bytes}});
  return {{"folder", s.info.folder.string()},
          {"lesson", s.info.lessonId},
          {"title", s.info.title},
          {"model", s.info.model},
          {"status", s.info.status},
          {"recorded_status", s.info.recordedStatus},
          {"message", s.info.message},
          {"seed", s.info.seed},
          {"steps", std::max<std::int64_t>(s.lastStep, 0)},
          {"started", s.info.started},
          {"ended", s.info.ended},
          {"wall_time", s.wallSeconds},
          {"settings", s.info.settings},
          {"changed_settings", s.changedSettings},
          {"last_metrics", metrics},
          {"checkpoints", checkpoints},
          {"checkpoint_bytes", s.checkpointBytes}};
}

}  // namespace genlab::run
