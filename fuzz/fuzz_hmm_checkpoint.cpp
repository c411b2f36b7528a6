// An HMM training checkpoint (HmmTrainer::loadCheckpoint, core/models/hmm/hmm_trainer.h): what a
// recorded run's timeline and `genlab train --resume` load, from a run folder anyone may have
// edited or cut short.
//
// Each input loads into a fresh trainer of a fixed small dataset (the checkpoint's model must
// fit its states and symbols). GENLAB_FUZZ_WRITE_SEED=FILE writes a valid checkpoint of that
// trainer after a few steps and exits: that is how fuzz/corpus/hmm_checkpoint was made.

#include <array>
#include <cstdlib>
#include <memory>

#include "core/models/hmm/hmm_trainer.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

namespace {

std::unique_ptr<hmm::HmmTrainer> makeTrainer() {
  std::vector<hmm::Observations> sequences = {
      hmm::Observations::discrete({0, 1, 1, 2, 0, 0, 1, 2, 2, 1}),
      hmm::Observations::discrete({2, 2, 1, 0})};
  const nlohmann::json settings = {{"states", 2}, {"emission", "discrete"}, {"symbols", 3}};
  return std::make_unique<hmm::HmmTrainer>(settings, std::move(sequences), /*seed=*/7);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* seed = std::getenv("GENLAB_FUZZ_WRITE_SEED")) {
    auto trainer = makeTrainer();
    std::array<double, 2> metrics{};
    for (int i = 0; i < 3; ++i) trainer->step(metrics, {});
    trainer->saveCheckpoint(seed);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::InputFile file(data, size, "step-3.json");
  auto trainer = makeTrainer();
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    trainer->loadCheckpoint(file.path());
    fuzz::check(trainer->snapshot() != nullptr, "a snapshot after loading");
  });
  return 0;
}
