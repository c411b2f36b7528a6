// An RBM's parameters as JSON (rbm::readRbmFile, core/models/rbm/rbm_model.h): what `genlab fit
// rbm --init` reads back from `fit rbm --out`. Checked on what is accepted: biases that match the
// weights' rows and columns, finite values, a model that writes out and reads back the same,
// and finite free energies of the all-zeros and all-ones images.

#include "core/models/rbm/rbm_model.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::InputFile file(data, size, "rbm.json");
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    const rbm::Rbm model = rbm::readRbmFile(file.path());
    fuzz::check(
        model.visibleBias.size() == model.visible() && model.hiddenBias.size() == model.hidden(),
        "biases match the weights");
    fuzz::check(
        model.weights.allFinite() && model.visibleBias.allFinite() && model.hiddenBias.allFinite(),
        "finite parameters");
    const rbm::Rbm again = rbm::rbmFromJson(rbm::toJson(model));
    fuzz::check(again.weights == model.weights && again.visibleBias == model.visibleBias &&
                    again.hiddenBias == model.hiddenBias,
                "a round trip through toJson");
    if (model.visible() > 0 && model.visible() * model.hidden() <= 1 << 16) {
      Eigen::MatrixXd images(2, model.visible());
      images.row(0).setZero();
      images.row(1).setOnes();
      (void)rbm::freeEnergy(model, images);
    }
  });
  return 0;
}
