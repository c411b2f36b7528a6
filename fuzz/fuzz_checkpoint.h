#pragma once
// The body of the checkpoint targets (fuzz_gmm_checkpoint, fuzz_hmm_checkpoint): each input is
// loaded into a fresh trainer from `make` (fuzz_trainers.h), so one input cannot change what the
// next one meets. GENLAB_FUZZ_WRITE_SEED=FILE instead writes a valid checkpoint of that trainer
// after three steps and exits: that is how fuzz/corpus/*_checkpoint/step-3.json were made.

#include <cstdlib>
#include <vector>

#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_trainers.h"

namespace genlab::fuzz {

template <class Make>
void writeSeedCheckpointIfAsked(Make make) {
  if (const char* seed = std::getenv("GENLAB_FUZZ_WRITE_SEED")) {
    auto trainer = make();
    std::vector<double> metrics(trainer->metricNames().size());
    for (int i = 0; i < 3; ++i) trainer->step(metrics, {});
    trainer->saveCheckpoint(seed);
    std::exit(0);
  }
}

template <class Make>
void loadCheckpointInput(Make make, const std::uint8_t* data, std::size_t size,
                         std::string_view name = "step-3.json") {
  const InputFile file(data, size, name);
  auto trainer = make();
  expectCleanRefusal(file.path().string(), [&] {
    trainer->loadCheckpoint(file.path());
    check(trainer->snapshot() != nullptr, "a snapshot after loading");
  });
}

}  // namespace genlab::fuzz
