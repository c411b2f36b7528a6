// The GMM starting parameters `genlab fit gmm --init-params FILE.json` reads
// (core/models/gmm/gmm_params_file.h).

#include "core/models/gmm/gmm_params_file.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::InputFile file(data, size, "params.json");
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    const gmm::GmmParams params = gmm::readGmmParamsFile(file.path());
    const Eigen::Index k = params.weights.size();
    const Eigen::Index d = params.means.cols();
    fuzz::check(k >= 1 && params.means.rows() == k, "one mean per weight");
    fuzz::check(static_cast<Eigen::Index>(params.covariances.size()) == k, "one covariance each");
    for (const auto& c : params.covariances)
      fuzz::check(c.rows() == d && c.cols() == d && c.allFinite(), "finite d x d covariances");
  });
  return 0;
}
