// An RBM training checkpoint (RbmTrainer::loadCheckpoint, core/models/rbm/rbm_trainer.h: settings,
// weights, momentum, persistent chains, dreams): what a recorded run's timeline and `genlab train
// --resume` load, from a run folder anyone may have edited or cut short. The trainer:
// fuzz_trainers.h (a checkpoint must fit its data); the seed: fuzz_checkpoint.h
// (GENLAB_FUZZ_WRITE_SEED).

#include "fuzz/fuzz_checkpoint.h"

using namespace genlab;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::writeSeedCheckpointIfAsked([] { return fuzz::makeRbmTrainer(); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::loadCheckpointInput([] { return fuzz::makeRbmTrainer(); }, data, size, "step-3.json");
  return 0;
}
