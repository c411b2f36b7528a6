// A word2vec training checkpoint (Word2VecTrainer::loadCheckpoint,
// core/models/word2vec/word2vec_checkpoint.h: a JSON header of settings and training state, then
// the two matrices as raw floats): what a recorded run's timeline and `genlab train --resume` load,
// from a run folder anyone may have edited or cut short. The trainer: fuzz_trainers.h (a checkpoint
// must fit its data); the seed: fuzz_checkpoint.h (GENLAB_FUZZ_WRITE_SEED).

#include "fuzz/fuzz_checkpoint.h"

using namespace genlab;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::writeSeedCheckpointIfAsked([] { return fuzz::makeWord2VecTrainer(); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::loadCheckpointInput([] { return fuzz::makeWord2VecTrainer(); }, data, size, "step-3.w2v");
  return 0;
}
