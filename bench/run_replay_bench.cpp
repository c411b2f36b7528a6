// How long the lab takes to show a recorded run at a new step: for two recorded runs (the
// compare-mode case), each in its own replay session as the lab holds them, the cursor jumps to
// random steps and the time from the jump to both runs' snapshots of their nearest checkpoints
// being ready is measured (the checkpoint load and the model's snapshot, on the sessions'
// threads; the frame that then draws them adds one frame time). Also the time to open a run.
// Prints one JSON line.
//
// Usage: genlab_run_replay_bench RUN_A RUN_B [--moves 30] [--seed 1]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/platform/process_setup.h"
#include "core/platform/threading.h"
#include "core/run/run_info.h"
#include "core/run/run_restore.h"
#include "core/train/session.h"
#include "core/util/rng.h"

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Replay {
  genlab::run::RunInfo info;
  std::unique_ptr<genlab::train::Session> session;
};

Replay open(const std::string& folder) {
  Replay replay{genlab::run::readRunInfo(folder), nullptr};
  auto restored =
      std::make_shared<genlab::run::RestoredTrainer>(genlab::run::restoreTrainer(replay.info));
  replay.session = std::make_unique<genlab::train::Session>(
      [restored](std::uint64_t) { return std::move(restored->trainer); }, replay.info.seed);
  return replay;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[index];
}

}  // namespace

int main(int argc, char** argv) {
  genlab::platform::prepareProcess(argc, argv);
  if (argc < 3) {
    std::cerr << "usage: genlab_run_replay_bench RUN_A RUN_B [--moves N] [--seed S]\n";
    return 2;
  }
  int moves = 30;
  std::uint64_t seed = 1;
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--moves") moves = std::stoi(argv[i + 1]);
    if (flag == "--seed") seed = std::stoull(argv[i + 1]);
  }
  // The lab's policy: trainers (here the replay sessions) get the cores the UI leaves.
  genlab::platform::applyThreadPolicy(genlab::platform::ThreadMode::kInteractive);
  try {
    auto start = Clock::now();
    std::vector<Replay> runs;
    runs.push_back(open(argv[1]));
    const double openFirstMs = msSince(start);
    runs.push_back(open(argv[2]));
    const double openBothMs = msSince(start);
    std::int64_t last = 0;
    for (const auto& r : runs) last = std::max(last, r.info.stepsDone);

    genlab::Rng rng(seed);
    std::vector<double> latencies;
    std::int64_t previous = -1;
    for (int m = 0; m < moves; ++m) {
      const auto cursor =
          static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(last + 1)));
      std::vector<std::int64_t> targets;
      for (const auto& r : runs) targets.push_back(r.info.checkpointAtOrBefore(cursor)->step);
      if (cursor == previous) continue;
      previous = cursor;
      start = Clock::now();
      for (std::size_t i = 0; i < runs.size(); ++i) {
        const auto* checkpoint = runs[i].info.checkpointAtOrBefore(cursor);
        runs[i].session->restore(runs[i].info.folder / checkpoint->file);
      }
      for (std::size_t i = 0; i < runs.size(); ++i) {
        runs[i].session->waitUntilIdle(std::chrono::seconds(60));
        if (runs[i].session->latest()->step != targets[i]) {
          std::cerr << "run " << i << " shows step " << runs[i].session->latest()->step
                    << ", expected " << targets[i] << '\n';
          return 1;
        }
      }
      latencies.push_back(msSince(start));
    }
    const nlohmann::json out = {
        {"runs", {argv[1], argv[2]}},
        {"model", runs[0].info.model},
        {"checkpoints", {runs[0].info.checkpoints.size(), runs[1].info.checkpoints.size()}},
        {"open_first_ms", openFirstMs},
        {"open_both_ms", openBothMs},
        {"moves", latencies.size()},
        {"move_median_ms", percentile(latencies, 0.5)},
        {"move_p95_ms", percentile(latencies, 0.95)},
        {"move_max_ms", *std::max_element(latencies.begin(), latencies.end())}};
    std::cout << out.dump() << '\n';
  } catch (const std::exception& error) {
    std::cerr << "genlab_run_replay_bench: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
