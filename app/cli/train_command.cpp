// genlab train <lesson.json> | genlab train --resume RUN: a session without a window. Runs the
// lesson's trainer on this thread and records it as a run folder (core/run/run_recorder.h) as
// it goes; on Ctrl-C or SIGTERM flushes, checkpoints and marks the run interrupted.

#include <iostream>

#include "app/cli/commands.h"
#include "app/cli/interrupt_watcher.h"
#include "app/cli/progress_bar.h"
#include "core/lesson/lesson.h"
#include "core/models/registry.h"
#include "core/platform/process_identity.h"
#include "core/platform/threading.h"
#include "core/run/run_catalog.h"
#include "core/run/run_info.h"
#include "core/run/run_recorder.h"
#include "core/run/run_restore.h"
#include "core/util/errors.h"

namespace genlab::cli {
namespace {

struct TrainOptions {
  std::string lessonFile;
  std::string resume;
  std::vector<std::string> overrides;
  std::int64_t steps = 0;  // 0: the lesson's own budget (or, resuming, the run's)
  std::optional<std::uint64_t> seed;
  std::string out;
  std::string runs;
  std::string origin = "train";
  double budgetMiB = 0.0;  // 0: the default budget
  bool quiet = false;
};

struct Prepared {
  std::unique_ptr<train::Trainer> trainer;
  std::unique_ptr<run::RunRecorder> recorder;
  std::uint64_t seed = 0;
  std::int64_t steps = 0;
};

run::CheckpointPolicy policyFrom(const TrainOptions& options) {
  run::CheckpointPolicy policy;
  if (options.budgetMiB > 0.0)
    policy.budgetBytes = static_cast<std::uint64_t>(options.budgetMiB * 1024.0 * 1024.0);
  return policy;
}

Prepared prepareNewRun(const TrainOptions& options) {
  const lesson::Lesson original = lesson::loadLesson(options.lessonFile);
  lesson::Lesson lesson = original;
  lesson::applyOverrides(lesson, options.overrides);
  Prepared prepared;
  prepared.seed = options.seed.value_or(lesson.seed);
  prepared.steps = options.steps > 0 ? options.steps : lesson.steps;
  prepared.trainer = models::makeTrainer(lesson, prepared.seed);  // validates before any file
  run::RecorderOptions recorder;
  recorder.origin = options.origin;
  recorder.overrides = options.overrides;
  recorder.stepsRequested = prepared.steps;
  recorder.checkpoints = policyFrom(options);
  if (!options.out.empty())
    recorder.folder = options.out;
  else
    recorder.runsDirectory =
        options.runs.empty() ? run::defaultRunsDirectory() : std::filesystem::path(options.runs);
  prepared.recorder = std::make_unique<run::RunRecorder>(original, std::move(recorder));
  return prepared;
}

Prepared prepareResume(const TrainOptions& options) {
  const run::RunInfo info = run::readRunInfo(options.resume);
  if (info.status == "running") {
    throw CliFailure(options.resume + ": the run is still being trained (pid " +
                     std::to_string(info.pid) + " on " + info.host + ")");
  }
  run::RestoredTrainer restored = run::restoreTrainer(info);
  for (const auto& problem : restored.problems)
    std::cerr << "genlab: skipped a checkpoint that does not load: " << problem << '\n';
  Prepared prepared;
  prepared.seed = info.seed;
  prepared.steps = options.steps > 0 ? options.steps
                                     : info.raw.value("steps_requested", restored.checkpoint.step);
  prepared.trainer = std::move(restored.trainer);
  std::cerr << "genlab: resuming " << options.resume << " from step "
            << prepared.trainer->stepsDone() << '\n';
  run::RecorderOptions recorder;
  recorder.origin = info.raw.value("origin", std::string("train"));
  recorder.resumeFolder = options.resume;
  recorder.checkpoints = policyFrom(options);
  prepared.recorder = std::make_unique<run::RunRecorder>(run::runLesson(info), std::move(recorder));
  return prepared;
}

void runTraining(const TrainOptions& options) {
  platform::applyThreadPolicy(platform::ThreadMode::kHeadless);
  platform::flushDenormalsOnThisThread();
  if (options.lessonFile.empty() == options.resume.empty())
    throw CliFailure("train: give a lesson file or --resume RUN (one of the two)");
  Prepared prepared = options.resume.empty() ? prepareNewRun(options) : prepareResume(options);
  train::Trainer& trainer = *prepared.trainer;
  run::RunRecorder& recorder = *prepared.recorder;
  const std::int64_t steps = prepared.steps;
  recorder.trainerStarted(trainer, prepared.seed);
  const std::filesystem::path folder = recorder.currentFolder();

  InterruptWatcher interrupt;

  const auto columns = trainer.metricNames();
  ProgressBar progress(steps, columns.empty() ? "" : columns.front());
  std::vector<double> values(columns.size(), 0.0);
  std::string status = "finished";
  std::string message;
  bool converged = false;
  bool storageFailed = false;
  try {
    while (trainer.stepsDone() < steps && !converged) {
      const std::int64_t before = trainer.stepsDone();
      const auto outcome = trainer.step(values, interrupt.token());
      if (trainer.stepsDone() == before) break;  // cut short by Ctrl-C: nothing to log
      recorder.stepped(trainer, values);
      for (const auto& note : outcome.messages) std::cerr << "note: " << note << '\n';
      converged = outcome.converged;
      if (!options.quiet) progress.update(trainer.stepsDone(), values.empty() ? 0.0 : values[0]);
      if (interrupt.interrupted()) break;
    }
  } catch (const NumericError& error) {
    status = "failed";
    message = error.what();
    recorder.stepFailed(trainer, train::describeFailure(error, trainer.stepsDone()));
  } catch (const StorageError& error) {
    // The recorder has marked the run failed (where the disk let it) and stopped recording.
    status = "failed";
    message = error.what();
    storageFailed = true;
  }
  if (interrupt.interrupted() && status == "finished") status = "interrupted";

  if (status != "failed") {
    try {
      recorder.endRun(trainer, status, converged ? "converged" : "");
    } catch (const StorageError& error) {
      status = "failed";
      message = error.what();
      storageFailed = true;
    }
  }
  std::ostringstream summary;
  summary << "run " << status << " after " << trainer.stepsDone() << " steps"
          << (converged ? " (converged)" : "") << ": " << folder.string();
  progress.finish(trainer.stepsDone(), values.empty() ? 0.0 : values[0], summary.str());
  if (storageFailed)
    throw StorageError(message + "; training stopped at step " +
                       std::to_string(trainer.stepsDone()) +
                       " (the run folder keeps its complete checkpoints and metrics rows)");
  if (status == "failed")
    throw NumericError(message + " (the run folder keeps every step before it, and a " +
                       "checkpoint of the last good one: genlab train --resume " + folder.string() +
                       ")");
  if (status == "interrupted") throw CliExit{130};
}

}  // namespace

void registerTrain(CLI::App& app) {
  auto options = std::make_shared<TrainOptions>();
  auto* train = app.add_subcommand(
      "train", "Train a lesson headless and record a run folder, or resume a recorded run");
  train->add_option("lesson", options->lessonFile, "Lesson file (assets/lessons/*.json)")
      ->check(CLI::ExistingFile);
  auto* resume = train->add_option("--resume", options->resume,
                                   "Continue this run folder from its newest checkpoint");
  resume->check(CLI::ExistingDirectory);
  // A resumed run keeps the lesson, settings, seed and folder it was recorded with.
  resume->excludes(
      train->add_option("--set", options->overrides, "Override a setting: key=value (repeatable)"));
  train
      ->add_option("--steps", options->steps,
                   "Train until the run has N steps (default: the lesson's, or the run's)")
      ->check(CLI::PositiveNumber);
  resume->excludes(
      train->add_option("--seed", options->seed, "Random seed (default: the lesson's)"));
  resume->excludes(
      train->add_option("--out", options->out, "Run folder (default: <runs>/<lesson>-<time>)"));
  train->add_option(
      "--runs", options->runs,
      "Folder for new run folders (default: $GENLAB_RUNS or ~/.local/share/genlab/runs)");
  train
      ->add_option("--checkpoint-budget", options->budgetMiB,
                   "Disk budget for the run's checkpoints in MiB (default 512)")
      ->check(CLI::PositiveNumber);
  train->add_flag("--quiet", options->quiet, "No progress bar");
  // Who started the run, for run.json's "origin": `genlab sweep` passes "sweep".
  train->add_option("--origin", options->origin)
      ->check(CLI::IsMember({"train", "sweep"}))
      ->group("");
  train->callback([options] { runTraining(*options); });
}

}  // namespace genlab::cli
