// The HMM model JSON (core/models/hmm/model_json.h): `genlab decode hmm --model`, `fit hmm`'s
// starting model, and a lesson's "given" model.

#include "core/models/hmm/model_json.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::InputFile file(data, size, "model.json");
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    const hmm::HmmModel model = hmm::readModelFile(file.path());
    // What was accepted writes out and reads back: the writer and the reader agree.
    try {
      const hmm::HmmModel again = hmm::modelFromJson(hmm::modelToJson(model));
      fuzz::check(again.states() == model.states(), "the same number of states after a round trip");
    } catch (const std::exception& error) {
      fuzz::finding(std::string("an accepted model does not read back: ") + error.what());
    }
  });
  return 0;
}
