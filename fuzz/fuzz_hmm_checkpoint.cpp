// An HMM training checkpoint (HmmTrainer::loadCheckpoint, core/models/hmm/hmm_trainer.h): what a
// recorded run's timeline and `genlab train --resume` load, from a run folder anyone may have
// edited or cut short.
//
// Each input loads into a fresh trainer of a fixed small dataset (the checkpoint's model must
// fit its states and symbols). GENLAB_FUZZ_WRITE_SEED=FILE writes a valid checkpoint of that
// trainer after a few steps and exits: that is how fuzz/corpus/hmm_checkpoint was made.

#include <array>
#include <cstdlib>

#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_trainers.h"

using namespace genlab;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* seed = std::getenv("GENLAB_FUZZ_WRITE_SEED")) {
    auto trainer = fuzz::makeHmmTrainer();
    std::array<double, 2> metrics{};
    for (int i = 0; i < 3; ++i) trainer->step(metrics, {});
    trainer->saveCheckpoint(seed);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::InputFile file(data, size, "step-3.json");
  auto trainer = fuzz::makeHmmTrainer();
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    trainer->loadCheckpoint(file.path());
    fuzz::check(trainer->snapshot() != nullptr, "a snapshot after loading");
  });
  return 0;
}
