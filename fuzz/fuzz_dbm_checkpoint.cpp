// A DBM training checkpoint (DbmTrainer::loadCheckpoint, core/models/dbm/dbm_trainer.h: the
// phase, both layers' weights, momentum, persistent chains, dreams): what a recorded run's
// timeline and `genlab train --resume` load, from a run folder anyone may have edited or cut
// short. The trainer: fuzz_trainers.h; the seed: fuzz_checkpoint.h (GENLAB_FUZZ_WRITE_SEED).

#include "fuzz/fuzz_checkpoint.h"

using namespace genlab;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::writeSeedCheckpointIfAsked([] { return fuzz::makeDbmTrainer(); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::loadCheckpointInput([] { return fuzz::makeDbmTrainer(); }, data, size, "step-3.json");
  return 0;
}
