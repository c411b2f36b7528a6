// genlab train <lesson.json>: a session without a window. Runs the lesson's trainer on this
// thread, writes the run folder as it goes, and on Ctrl-C flushes, checkpoints and marks the
// run interrupted.

#include <atomic>
#include <csignal>
#include <iostream>
#include <thread>

#include "app/cli/commands.h"
#include "app/cli/progress_bar.h"
#include "core/lesson/lesson.h"
#include "core/models/registry.h"
#include "core/platform/threading.h"
#include "core/run/run_writer.h"
#include "core/util/errors.h"

namespace genlab::cli {
namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int) {
  g_interrupted.store(true);
}

struct TrainOptions {
  std::string lessonFile;
  std::vector<std::string> overrides;
  std::int64_t steps = 0;  // 0: the lesson's own budget
  std::optional<std::uint64_t> seed;
  std::string out;
  int checkpointEvery = 0;  // 0: only at the end
  bool quiet = false;
};

void runTraining(const TrainOptions& options) {
  platform::applyThreadPolicy(platform::ThreadMode::kHeadless);
  platform::flushDenormalsOnThisThread();

  lesson::Lesson lesson = lesson::loadLesson(options.lessonFile);
  lesson::applyOverrides(lesson, options.overrides);
  const std::uint64_t seed = options.seed.value_or(lesson.seed);
  const std::int64_t steps = options.steps > 0 ? options.steps : lesson.steps;
  auto trainer = models::makeTrainer(lesson, seed);  // validates before any file is written

  const auto columns = trainer->metricNames();
  nlohmann::json info = {{"genlab_version", GENLAB_VERSION},
                         {"lesson", lesson.id},
                         {"lesson_file", std::filesystem::absolute(lesson.file).string()},
                         {"title", lesson.title},
                         {"model", lesson.model},
                         {"dataset", lesson.dataset},
                         {"settings", trainer->settings()},
                         {"seed", seed},
                         {"steps_requested", steps}};
  const auto folder =
      options.out.empty() ? run::defaultRunFolder(lesson.id) : std::filesystem::path(options.out);
  run::RunWriter writer(folder, info, columns);

  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  // A signal handler may only set a flag; this watcher turns the flag into a stop request that
  // long steps poll through their stop_token.
  std::stop_source stopSource;
  std::jthread watcher([&stopSource](std::stop_token stop) {
    while (!stop.stop_requested() && !g_interrupted.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (g_interrupted.load()) stopSource.request_stop();
  });

  ProgressBar progress(steps, columns.empty() ? "" : columns.front());
  std::vector<double> values(columns.size(), 0.0);
  std::string status = "finished";
  std::string message;
  bool converged = false;
  try {
    while (trainer->stepsDone() < steps && !converged) {
      const std::int64_t before = trainer->stepsDone();
      const auto outcome = trainer->step(values, stopSource.get_token());
      if (trainer->stepsDone() == before) break;  // cut short by Ctrl-C: nothing to log
      writer.appendMetrics(trainer->stepsDone(), values);
      for (const auto& note : outcome.messages) std::cerr << "note: " << note << '\n';
      converged = outcome.converged;
      if (!options.quiet) progress.update(trainer->stepsDone(), values.empty() ? 0.0 : values[0]);
      if (options.checkpointEvery > 0 && trainer->stepsDone() % options.checkpointEvery == 0) {
        writer.writeCheckpoint(*trainer);
      }
      if (stopSource.stop_requested()) break;
    }
  } catch (const std::exception& error) {
    status = "failed";
    message = error.what();
  }
  if (g_interrupted.load() && status == "finished") status = "interrupted";
  watcher.request_stop();

  if (status != "failed") writer.writeCheckpoint(*trainer);
  writer.finish(status, trainer->stepsDone(), converged ? "converged" : message);
  std::ostringstream summary;
  summary << "run " << status << " after " << trainer->stepsDone() << " steps"
          << (converged ? " (converged)" : "") << ": " << folder.string();
  progress.finish(trainer->stepsDone(), values.empty() ? 0.0 : values[0], summary.str());
  if (status == "failed")
    throw NumericError(message + " (the run folder keeps every step before it)");
  if (status == "interrupted") throw CliExit{130};
}

}  // namespace

void registerTrain(CLI::App& app) {
  auto options = std::make_shared<TrainOptions>();
  auto* train = app.add_subcommand("train", "Train a lesson headless and write a run folder");
  train->add_option("lesson", options->lessonFile, "Lesson file (assets/lessons/*.json)")
      ->required()
      ->check(CLI::ExistingFile);
  train->add_option("--set", options->overrides, "Override a setting: key=value (repeatable)");
  train->add_option("--steps", options->steps, "Training steps (default: the lesson's)")
      ->check(CLI::PositiveNumber);
  train->add_option("--seed", options->seed, "Random seed (default: the lesson's)");
  train->add_option("--out", options->out, "Run folder (default: runs/<lesson>-<time>)");
  train
      ->add_option("--checkpoint-every", options->checkpointEvery,
                   "Also checkpoint every N steps (default: only at the end)")
      ->check(CLI::NonNegativeNumber);
  train->add_flag("--quiet", options->quiet, "No progress bar");
  train->callback([options] { runTraining(*options); });
}

}  // namespace genlab::cli
