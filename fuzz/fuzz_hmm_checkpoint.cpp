// An HMM training checkpoint (HmmTrainer::loadCheckpoint, core/models/hmm/hmm_trainer.h): what a
// recorded run's timeline and `genlab train --resume` load, from a run folder anyone may have
// edited or cut short. The trainer: fuzz_trainers.h (the checkpoint's model must fit its
// states and symbols); the seed: fuzz_checkpoint.h.

#include "fuzz/fuzz_checkpoint.h"

using namespace genlab;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::writeSeedCheckpointIfAsked(fuzz::makeHmmTrainer);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::loadCheckpointInput(fuzz::makeHmmTrainer, data, size);
  return 0;
}
