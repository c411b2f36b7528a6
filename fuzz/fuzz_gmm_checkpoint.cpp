// A GMM training checkpoint (GmmTrainer::loadCheckpoint, core/models/gmm/gmm_trainer.h): what a
// recorded run's timeline and `genlab train --resume` load, from a run folder anyone may have
// edited or cut short. The trainer: fuzz_trainers.h (the checkpoint's "exact" state must match
// its data); the seed: fuzz_checkpoint.h.

#include "fuzz/fuzz_checkpoint.h"

using namespace genlab;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::writeSeedCheckpointIfAsked(fuzz::makeGmmTrainer);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::loadCheckpointInput(fuzz::makeGmmTrainer, data, size);
  return 0;
}
