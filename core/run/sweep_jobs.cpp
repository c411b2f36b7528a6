#include "core/run/sweep_jobs.h"

#include "core/run/run_info.h"

namespace genlab::run {
namespace fs = std::filesystem;

SweepRunStatus inspectSweepRun(const fs::path& sweepFolder, const SweepRunPlan& run) {
  const fs::path folder = sweepFolder / run.folder;
  if (!isRunFolder(folder)) return {SweepRunState::kMissing, "missing"};
  try {
    const RunInfo info = readRunInfo(folder);
    if (info.status == "finished") return {SweepRunState::kFinished, info.status};
    // A run stopped before its first checkpoint has nothing to continue from.
    if (info.status == "interrupted" && info.lastCheckpoint() == nullptr)
      return {SweepRunState::kFailed, "interrupted before its first checkpoint"};
    if (info.status == "interrupted") return {SweepRunState::kInterrupted, info.status};
    if (info.status == "running")
      return {SweepRunState::kRunning,
              "being trained by pid " + std::to_string(info.pid) + " on " + info.host};
    return {SweepRunState::kFailed,
            info.status + (info.message.empty() ? "" : ": ") + info.message};
  } catch (const std::exception& error) {
    return {SweepRunState::kFailed, error.what()};
  }
}

std::vector<std::string> trainArguments(const SweepPlan& plan, const SweepRunPlan& run,
                                        const fs::path& sweepFolder, SweepRunState state) {
  const std::string folder = (sweepFolder / run.folder).string();
  const std::string steps = std::to_string(plan.steps);
  if (state == SweepRunState::kInterrupted)
    return {"train", "--resume", folder, "--steps", steps, "--quiet"};
  std::vector<std::string> arguments{"train", plan.lessonFile.string()};
  for (const auto& assignment : run.overrides) {
    arguments.push_back("--set");
    arguments.push_back(assignment);
  }
  for (const std::string& word :
       {std::string("--seed"), std::to_string(run.seed), std::string("--steps"), steps,
        std::string("--origin"), std::string("sweep"), std::string("--quiet"), std::string("--out"),
        folder})
    arguments.push_back(word);
  return arguments;
}

fs::path childExecutable(const fs::path& self) {
  std::error_code ec;
  const fs::path absolute = fs::weakly_canonical(self, ec);
  const fs::path& resolved = ec ? self : absolute;
  const fs::path cli = resolved.parent_path() / "genlab-cli";
  return fs::exists(cli, ec) ? cli : resolved;
}

}  // namespace genlab::run
