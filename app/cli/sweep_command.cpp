// genlab sweep LESSON --grid key=v1,v2 ...: one `genlab train` process per grid point and seed,
// into one sweep folder (docs/SWEEPS.md), run here a few at a time or written out as a Slurm
// job array; then the table of final metrics per point. The plan, the runner, the Slurm script
// and the table are core/run/sweep_*.h; this file turns options into them and reports.

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/cli/commands.h"
#include "app/cli/interrupt_watcher.h"
#include "app/cli/progress_bar.h"
#include "core/lesson/lesson.h"
#include "core/models/registry.h"
#include "core/platform/threading.h"
#include "core/run/run_catalog.h"
#include "core/run/run_writer.h"
#include "core/run/sweep_jobs.h"
#include "core/run/sweep_runner.h"
#include "core/run/sweep_slurm.h"
#include "core/run/sweep_summary.h"
#include "core/util/errors.h"

namespace genlab::cli {
namespace {
namespace fs = std::filesystem;

struct SweepOptions {
  std::string lessonFile;
  std::vector<std::string> grid;
  int seeds = 1;
  std::optional<std::uint64_t> seed;
  std::int64_t steps = 0;   // 0: the lesson's
  std::optional<int> jobs;  // unset: the thread policy's choice
  std::string out;
  bool resume = false;
  std::string slurm;
  std::string summary;
  bool json = false;
};

fs::path absolutePath(const fs::path& path) {
  return fs::absolute(path).lexically_normal();
}

fs::path defaultSweepFolder(const lesson::Lesson& lesson) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &utc);
  return run::defaultRunsDirectory() / (lesson.id + "-sweep-" + stamp);
}

// Builds every grid point's lesson exactly as `genlab train --set` would and its trainer, so a
// bad key or value stops the sweep before any process starts, naming the point.
void validateGridPoints(const run::SweepPlan& plan) {
  const lesson::Lesson original = lesson::loadLesson(plan.lessonFile);
  for (const auto& run : plan.runs) {
    if (run.seedIndex != 0) continue;
    lesson::Lesson lesson = original;
    std::string point;
    for (const auto& assignment : run.overrides) point += (point.empty() ? "" : " ") + assignment;
    try {
      lesson::applyOverrides(lesson, run.overrides);
      models::makeTrainer(lesson, run.seed);
    } catch (const std::exception& error) {
      throw CliFailure("--grid " + point + ": " + error.what());
    }
  }
}

// Makes the sweep folder, or says which path cannot be written.
void makeWritableFolder(const fs::path& folder) {
  std::error_code ec;
  fs::create_directories(folder / "logs", ec);
  if (ec)
    throw CliFailure(folder.string() + ": cannot create the sweep folder (" + ec.message() + ")");
  const fs::path probe = folder / ".genlab-write-test";
  if (!std::ofstream(probe))
    throw CliFailure(folder.string() + ": cannot write in the sweep folder");
  fs::remove(probe, ec);
}

run::SweepPlan planFromOptions(const SweepOptions& options) {
  if (options.lessonFile.empty()) throw CliFailure("sweep: give a lesson file");
  const lesson::Lesson lesson = lesson::loadLesson(options.lessonFile);
  std::vector<run::SweepAxis> axes;
  for (const auto& item : options.grid) axes.push_back(run::parseGridItem(item));
  return run::makeSweepPlan(absolutePath(options.lessonFile), std::move(axes), options.seeds,
                            options.seed.value_or(lesson.seed),
                            options.steps > 0 ? options.steps : lesson.steps);
}

// --resume: the plan in the folder; a lesson and grid given too must describe the same sweep.
run::SweepPlan planToResume(const SweepOptions& options, const fs::path& folder) {
  run::SweepPlan stored = run::readSweepPlan(folder);
  if (!options.lessonFile.empty() || !options.grid.empty()) {
    const run::SweepPlan given = planFromOptions(options);
    if (run::sweepPlanToJson(given) != run::sweepPlanToJson(stored))
      throw CliFailure((folder / run::kSweepFile).string() +
                       ": holds a different sweep (lesson, grid, seeds, seed or steps); resume it "
                       "with: genlab sweep --resume --out " +
                       folder.string());
  }
  return stored;
}

// Which runs still need training, and how. A failed or half-created run folder is removed (it
// is trained again from scratch); one that another process is training stops the sweep.
std::vector<std::pair<std::size_t, run::SweepRunState>> runsToTrain(const run::SweepPlan& plan,
                                                                    const fs::path& folder) {
  std::vector<std::pair<std::size_t, run::SweepRunState>> todo;
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    const auto& planned = plan.runs[i];
    run::SweepRunStatus status = run::inspectSweepRun(folder, planned);
    if (status.state == run::SweepRunState::kFinished) continue;
    if (status.state == run::SweepRunState::kRunning)
      throw CliFailure((folder / planned.folder).string() + ": " + status.detail);
    std::error_code ec;
    if (status.state == run::SweepRunState::kFailed ||
        (status.state == run::SweepRunState::kMissing && fs::exists(folder / planned.folder))) {
      if (status.state == run::SweepRunState::kFailed)
        std::cerr << "genlab: training " << planned.folder << " again (" << status.detail << ")\n";
      fs::remove_all(folder / planned.folder, ec);
      status.state = run::SweepRunState::kMissing;
    }
    todo.emplace_back(i, status.state);
  }
  return todo;
}

std::string formatNumber(double value) {
  std::ostringstream out;
  out << std::setprecision(6) << value;
  return out.str();
}

void printTable(const run::SweepSummary& summary, const run::SweepPlan& plan) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"point"};
  for (const auto& axis : plan.axes) header.push_back(axis.key);
  header.push_back("n");
  for (const auto& name : summary.metricNames) header.push_back(name + " (mean ± sd)");
  rows.push_back(header);
  for (const auto& point : summary.points) {
    std::vector<std::string> row{std::to_string(point.gridPoint)};
    for (const auto& axis : plan.axes) {
      const auto& value = point.settings.at(axis.key);
      row.push_back(value.is_string() ? value.get<std::string>() : value.dump());
    }
    row.push_back(std::to_string(point.finished) + "/" + std::to_string(point.runs));
    for (const auto& spread : point.metrics) {
      if (spread.n == 0)
        row.emplace_back("-");
      else if (spread.n == 1)
        row.push_back(formatNumber(spread.mean));
      else
        row.push_back(formatNumber(spread.mean) + " ± " + formatNumber(spread.sd));
    }
    rows.push_back(row);
  }
  // Widths in characters, not bytes: "±" is two bytes of UTF-8.
  auto width = [](const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
  };
  std::vector<std::size_t> widths(header.size(), 0);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], width(row[c]));
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - width(row[c]) + 2, ' ');
    }
    std::cout << line << '\n';
  }
}

// Prints the table (or JSON) of a sweep folder and writes its summary.csv.
void reportSummary(const run::SweepPlan& plan, const fs::path& folder, bool asJson) {
  const run::SweepSummary summary = run::summarizeSweep(folder, plan);
  for (const auto& problem : summary.problems) std::cerr << "genlab: " << problem << '\n';
  run::writeFileAtomically(folder / run::kSweepSummaryFile, run::sweepSummaryCsv(summary, plan));
  if (asJson) {
    nlohmann::ordered_json out;
    out["sweep"] = folder.string();
    out.update(run::sweepSummaryToJson(summary));
    std::cout << out.dump(2) << '\n';
  } else {
    printTable(summary, plan);
  }
}

void writeSlurmScript(const run::SweepPlan& plan, const fs::path& folder,
                      const std::vector<std::pair<std::size_t, run::SweepRunState>>& todo,
                      const fs::path& file) {
  std::vector<run::SlurmTask> tasks;
  for (const auto& [index, state] : todo)
    tasks.push_back(
        {plan.runs[index].index, run::trainArguments(plan, plan.runs[index], folder, state)});
  const fs::path executable = run::childExecutable("/proc/self/exe");
  std::ofstream out(file, std::ios::trunc);
  if (!out) throw CliFailure(file.string() + ": cannot write the Slurm script");
  out << run::slurmArrayScript(plan, folder, executable, tasks);
  out.close();
  if (!out) throw CliFailure(file.string() + ": write failed (disk full?)");
  chmod(file.c_str(), 0755);
  std::cerr << "genlab: wrote " << file.string() << ": " << tasks.size() << " array tasks into "
            << folder.string() << "\n  submit it with: sbatch " << file.string()
            << "\n  then: genlab sweep --summary " << folder.string() << '\n';
}

// Trains `todo` here; returns how many runs ended unfinished (interrupted or failed).
int runLocally(const run::SweepPlan& plan, const fs::path& folder,
               const std::vector<std::pair<std::size_t, run::SweepRunState>>& todo, int jobs,
               bool& interrupted) {
  const platform::JobThreads policy = platform::planJobThreads(static_cast<int>(todo.size()), jobs);
  const fs::path executable = run::childExecutable("/proc/self/exe");
  std::vector<run::ChildCommand> commands;
  for (const auto& [index, state] : todo) {
    const auto& planned = plan.runs[index];
    run::ChildCommand command;
    command.argv.push_back(executable.string());
    for (auto& word : run::trainArguments(plan, planned, folder, state))
      command.argv.push_back(word);
    command.environment.push_back("GENLAB_THREADS=" + std::to_string(policy.threadsPerJob));
    command.log = folder / "logs" / (planned.folder + ".log");
    commands.push_back(std::move(command));
  }
  std::cerr << "genlab: sweep of " << plan.lessonFile.filename().string() << ": " << todo.size()
            << " of " << plan.runs.size() << " runs to train into " << folder.string() << ", "
            << policy.jobs << " at a time with " << policy.threadsPerJob << " thread"
            << (policy.threadsPerJob == 1 ? "" : "s") << " each (" << policy.cores << " cores)\n";

  InterruptWatcher interrupt;
  ProgressBar progress(static_cast<std::int64_t>(commands.size()), "");
  const auto start = std::chrono::steady_clock::now();
  int done = 0, running = 0, unfinished = 0;
  auto text = [&] {
    std::ostringstream out;
    out << done << " done, " << running << " running, " << unfinished << " failed";
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const int ended = done + unfinished;
    if (ended > 0 && ended < static_cast<int>(commands.size()))
      out << ", ETA " << std::fixed << std::setprecision(0)
          << seconds / ended * (static_cast<double>(commands.size()) - ended) << " s";
    return out.str();
  };
  run::ChildEvents events;
  events.started = [&](std::size_t) { ++running; };
  events.ended = [&](std::size_t i, const run::ChildExit&) {
    --running;
    const auto& planned = plan.runs[todo[i].first];
    const run::SweepRunStatus status = run::inspectSweepRun(folder, planned);
    const bool finished = status.state == run::SweepRunState::kFinished;
    (finished ? done : unfinished) += 1;
    if (!progress.interactive())
      std::cerr << "genlab: " << planned.folder << " " << status.detail << " (" << done + unfinished
                << "/" << commands.size() << ")\n";
  };
  events.idle = [&] {
    if (progress.interactive()) progress.update(done + unfinished, text());
  };
  run::runChildren(commands, policy.jobs, interrupt.token(), events);
  interrupted = interrupt.interrupted();
  if (progress.interactive()) progress.finish(done + unfinished, text(), "");
  return static_cast<int>(commands.size()) - done;
}

void runSweep(const SweepOptions& options) {
  platform::flushDenormalsOnThisThread();
  if (!options.summary.empty()) {
    const fs::path folder = absolutePath(options.summary);
    reportSummary(run::readSweepPlan(folder), folder, options.json);
    return;
  }
  if (options.jobs && *options.jobs < 1)
    throw CliFailure("--jobs: " + std::to_string(*options.jobs) + " must be at least 1");
  if (options.resume && options.out.empty())
    throw CliFailure("--resume: give the sweep folder with --out DIR");
  run::SweepPlan plan;
  fs::path folder;
  if (options.resume) {
    folder = absolutePath(options.out);
    plan = planToResume(options, folder);
  } else {
    plan = planFromOptions(options);
    folder =
        absolutePath(options.out.empty() ? defaultSweepFolder(lesson::loadLesson(plan.lessonFile))
                                         : fs::path(options.out));
    if (fs::exists(folder / run::kSweepFile))
      throw CliFailure(folder.string() +
                       ": already holds a sweep; add --resume to continue it, or choose another "
                       "folder");
  }
  validateGridPoints(plan);
  makeWritableFolder(folder);
  const auto todo = runsToTrain(plan, folder);
  if (!options.slurm.empty()) writeSlurmScript(plan, folder, todo, absolutePath(options.slurm));
  run::writeSweepPlan(plan, folder);
  if (!options.slurm.empty()) return;

  bool interrupted = false;
  const int unfinished =
      todo.empty() ? 0 : runLocally(plan, folder, todo, options.jobs.value_or(0), interrupted);
  if (interrupted) {
    std::cerr << "genlab: sweep interrupted: " << unfinished << " of " << plan.runs.size()
              << " runs not finished; resume with: genlab sweep --resume --out " << folder.string()
              << '\n';
    throw CliExit{130};
  }
  reportSummary(plan, folder, options.json);
  if (unfinished > 0)
    throw CliFailure(std::to_string(unfinished) + " of " + std::to_string(plan.runs.size()) +
                     " runs failed (their logs are in " + (folder / "logs").string() +
                     "); train them again with: genlab sweep --resume --out " + folder.string());
}

}  // namespace

void registerSweep(CLI::App& app) {
  auto options = std::make_shared<SweepOptions>();
  auto* sweep = app.add_subcommand(
      "sweep", "Train a lesson at every point of a grid of settings, several seeds each");
  sweep->add_option("lesson", options->lessonFile, "Lesson file (assets/lessons/*.json)")
      ->check(CLI::ExistingFile);
  // One key=values per --grid, so a lesson file after it is not taken for a second one.
  sweep
      ->add_option("--grid", options->grid,
                   "Swept setting: key=value1,value2,... (repeatable: the grid is every "
                   "combination)")
      ->allow_extra_args(false);
  sweep->add_option("--seeds", options->seeds, "Seeds per grid point (default 1)");
  sweep->add_option("--seed", options->seed,
                    "Base seed: seed index s trains with seed base + s (default: the lesson's)");
  sweep->add_option("--steps", options->steps, "Steps per run (default: the lesson's)")
      ->check(CLI::PositiveNumber);
  sweep->add_option("--jobs", options->jobs,
                    "Runs at a time (default: as many as fit the cores; docs/SWEEPS.md)");
  sweep->add_option("--out", options->out, "Sweep folder (default: <runs>/<lesson>-sweep-<time>)");
  sweep->add_flag("--resume", options->resume,
                  "Train only the runs of the --out sweep that are missing or not finished");
  sweep->add_option("--slurm", options->slurm,
                    "Write a Slurm job-array script to this file instead of training here");
  sweep
      ->add_option("--summary", options->summary,
                   "Print the table of final metrics of this sweep folder, and nothing else")
      ->check(CLI::ExistingDirectory);
  sweep->add_flag("--json", options->json, "Print the table as JSON");
  sweep->callback([options] { runSweep(*options); });
}

}  // namespace genlab::cli
