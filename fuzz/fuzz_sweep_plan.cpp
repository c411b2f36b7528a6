// A sweep's plan (run::readSweepPlan, core/run/sweep_plan.h): the sweep.json that `genlab sweep`
// writes to its folder and reads back to resume or summarise, which a person may edit. Checked
// on what is accepted: grid points times seeds runs, no more than kMaxSweepRuns, run folders
// that differ, and a plan that writes out and reads back to the same runs.

#include <filesystem>
#include <set>

#include "core/run/sweep_plan.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path folder = [] {
    const auto path = fuzz::scratchFolder() / "sweep";
    std::filesystem::create_directories(path);
    return path;
  }();
  const fuzz::InputFile file(data, size, "sweep/sweep.json");
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    const run::SweepPlan plan = run::readSweepPlan(folder);
    fuzz::check(plan.seeds >= 1 && !plan.runs.empty() && plan.runs.size() <= run::kMaxSweepRuns &&
                    plan.runs.size() % static_cast<std::size_t>(plan.seeds) == 0,
                "grid points times seeds runs, within the cap");
    std::set<std::string> folders;
    for (const auto& run : plan.runs) folders.insert(run.folder);
    fuzz::check(folders.size() == plan.runs.size(), "run folders differ");
    run::writeSweepPlan(plan, folder);
    const run::SweepPlan again = run::readSweepPlan(folder);
    fuzz::check(again.runs.size() == plan.runs.size() &&
                    again.runs.back().folder == plan.runs.back().folder &&
                    again.runs.front().overrides == plan.runs.front().overrides,
                "a plan that writes out reads back");
  });
  return 0;
}
