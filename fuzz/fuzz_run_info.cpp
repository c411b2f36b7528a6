// A run folder's run.json (core/run/run_info.h): `genlab runs`, the lab's run browser and
// compare mode read every run folder they are pointed at, whoever wrote it. Also what the run
// records of its lesson (runLesson) and the settings it changed (settingsChangedFromLesson).

#include "core/run/run_format.h"
#include "core/run/run_info.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path folder = fuzz::scratchFolder() / "run";
  std::filesystem::create_directories(folder);
  const fuzz::InputFile file(data, size, std::string("run/") + run::kRunFile);
  const std::string named = file.path().string();
  run::RunInfo info;
  bool read = false;
  fuzz::expectCleanRefusal(named, [&] {
    info = run::readRunInfo(folder);
    read = true;
  });
  if (!read) return 0;
  for (std::size_t i = 1; i < info.checkpoints.size(); ++i)
    fuzz::check(info.checkpoints[i - 1].step < info.checkpoints[i].step, "checkpoints by step");
  fuzz::check(info.checkpointAtOrBefore(info.stepsDone) == info.lastCheckpoint() ||
                  info.checkpoints.empty() || info.lastCheckpoint()->step > info.stepsDone,
              "stepsDone reaches the last checkpoint");
  fuzz::expectCleanRefusal(named, [&] { run::runLesson(info); });
  fuzz::expectCleanRefusal(named, [&] { run::settingsChangedFromLesson(info); });
  return 0;
}
