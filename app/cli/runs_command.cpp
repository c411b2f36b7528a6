// genlab runs list [DIR] [--json] and genlab runs show RUN [--json]: what is on disk, for a
// terminal or a script.

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/cli/commands.h"
#include "core/run/metrics_reader.h"
#include "core/run/run_catalog.h"
#include "core/run/run_format.h"

namespace genlab::cli {
namespace {

std::string compactValue(const nlohmann::json& value) {
  if (value.is_number_float()) {
    std::ostringstream out;
    out << std::setprecision(4) << value.get<double>();
    return out.str();
  }
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::string changedText(const nlohmann::json& changed) {
  std::string text;
  for (const auto& [key, value] : changed.items())
    text += (text.empty() ? "" : " ") + key + "=" + compactValue(value);
  return text.empty() ? "-" : text;
}

std::string metricsText(const run::RunSummary& s, std::size_t limit) {
  std::string text;
  for (std::size_t i = 0; i < s.lastMetrics.size() && i < s.metricNames.size() && i < limit; ++i)
    text += (text.empty() ? "" : " ") + s.metricNames[i] + "=" + compactValue(s.lastMetrics[i]);
  return text.empty() ? "-" : text;
}

std::string cut(std::string text, std::size_t width) {
  if (text.size() > width) text = text.substr(0, width - 1) + "~";
  return text;
}

void listRuns(const std::string& directory, bool asJson) {
  const std::filesystem::path dir =
      directory.empty() ? run::defaultRunsDirectory() : std::filesystem::path(directory);
  std::vector<std::string> problems;
  const auto runs = run::listRuns(dir, problems);
  for (const auto& problem : problems) std::cerr << "genlab: skipped " << problem << '\n';
  if (asJson) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& summary : runs) out.push_back(run::summaryToJson(summary));
    std::cout << out.dump(2) << '\n';
    return;
  }
  if (runs.empty()) {
    std::cout << "no runs in " << dir.string() << '\n';
    return;
  }
  std::printf("%-40s %-20s %-9s %-11s %8s  %-28s %s\n", "RUN", "LESSON", "MODEL", "STATUS", "STEPS",
              "CHANGED", "LAST METRICS");
  for (const auto& s : runs) {
    std::error_code ec;
    std::string name = std::filesystem::relative(s.info.folder, dir, ec).string();
    if (ec || name.empty() || name == ".") name = s.info.folder.filename().string();
    std::printf("%-40s %-20s %-9s %-11s %8lld  %-28s %s\n", cut(name, 40).c_str(),
                cut(s.info.lessonId, 20).c_str(), cut(s.info.model, 9).c_str(),
                s.info.status.c_str(),
                static_cast<long long>(std::max<std::int64_t>(s.lastStep, 0)),
                cut(changedText(s.changedSettings), 28).c_str(), metricsText(s, 2).c_str());
  }
  std::cout << runs.size() << " run" << (runs.size() == 1 ? "" : "s") << " in " << dir.string()
            << '\n';
}

void showRun(const std::string& folder, bool asJson) {
  const run::RunSummary s = run::summarizeRun(folder);
  // The whole metrics file: how many rows, and which (if any) were skipped as malformed.
  run::MetricsFileReader metrics(s.info.folder / run::kMetricsFile);
  metrics.poll();
  nlohmann::json out = run::summaryToJson(s);
  out["metric_rows"] = metrics.rows().size();
  out["skipped_rows"] = metrics.skippedRows();
  out["problems"] = metrics.problems();
  out["incomplete_last_line"] = metrics.hasIncompleteLine();
  out["events"] = s.info.raw.value("events", nlohmann::json::array());
  if (asJson) {
    std::cout << out.dump(2) << '\n';
    return;
  }
  const auto line = [](const char* key, const std::string& value) {
    std::printf("%-18s %s\n", key, value.c_str());
  };
  line("run", s.info.folder.string());
  line("lesson", s.info.lessonId + " (" + s.info.title + ")");
  line("model", s.info.model);
  line("status",
       s.info.status + (s.info.status != s.info.recordedStatus
                            ? " (recorded as " + s.info.recordedStatus + ", its process is gone)"
                            : ""));
  if (!s.info.message.empty()) line("message", s.info.message);
  line("seed", std::to_string(s.info.seed));
  line("steps", std::to_string(std::max<std::int64_t>(s.lastStep, 0)) + " (" +
                    std::to_string(metrics.rows().size()) + " metric rows)");
  line("started", s.info.started + (s.info.ended.empty() ? "" : ", ended " + s.info.ended));
  line("changed settings", changedText(s.changedSettings));
  line("last metrics", metricsText(s, 16));
  std::ostringstream checkpoints;
  checkpoints << s.info.checkpoints.size() << " (" << std::fixed << std::setprecision(1)
              << static_cast<double>(s.checkpointBytes) / (1024.0 * 1024.0) << " MiB)";
  if (!s.info.checkpoints.empty())
    checkpoints << ", steps " << s.info.checkpoints.front().step << " .. "
                << s.info.checkpoints.back().step;
  line("checkpoints", checkpoints.str());
  line("settings", changedText(s.info.settings));
  if (metrics.skippedRows() > 0) {
    line("skipped rows",
         std::to_string(metrics.skippedRows()) + " malformed row(s) in metrics.csv");
    for (const auto& problem : metrics.problems()) std::printf("%-18s %s\n", "", problem.c_str());
  }
  if (metrics.hasIncompleteLine())
    line("note", "the last line of metrics.csv is incomplete (ignored)");
}

}  // namespace

void registerRuns(CLI::App& app) {
  auto* runs = app.add_subcommand("runs", "List and inspect recorded runs");
  runs->require_subcommand(1);

  struct ListOptions {
    std::string directory;
    bool json = false;
  };
  auto list = std::make_shared<ListOptions>();
  auto* listCommand = runs->add_subcommand("list", "Every run under a folder, newest first");
  listCommand->add_option("dir", list->directory,
                          "Folder of runs (default: $GENLAB_RUNS or ~/.local/share/genlab/runs)");
  listCommand->add_flag("--json", list->json, "Print JSON");
  listCommand->callback([list] { listRuns(list->directory, list->json); });

  struct ShowOptions {
    std::string folder;
    bool json = false;
  };
  auto show = std::make_shared<ShowOptions>();
  auto* showCommand =
      runs->add_subcommand("show", "One run: status, settings, metrics, checkpoints");
  showCommand->add_option("run", show->folder, "Run folder")->required();
  showCommand->add_flag("--json", show->json, "Print JSON");
  showCommand->callback([show] { showRun(show->folder, show->json); });
}

}  // namespace genlab::cli
