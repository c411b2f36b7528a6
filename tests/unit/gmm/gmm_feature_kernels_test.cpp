// The E-step has two ways to take its products with the quadratic features: hand-blocked AVX2
// kernels (feature_kernels.h), used wherever the CPU has AVX2 and FMA, and dgemm, used
// elsewhere. Both must give the same responsibilities, log-likelihood and next M-step to
// rounding, over shapes that exercise every padding: K not a multiple of the tile, p not a
// multiple of the feature tile, and chunks that end part-way through a tile.

#include <gtest/gtest.h>

#include "core/models/gmm/feature_kernels.h"
#include "core/models/gmm/gaussian_mixture.h"
#include "tests/unit/gmm/test_util.h"

namespace genlab::gmm {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;

struct Shape {
  Index n, d;
  int k;
};

class KernelSwitch {
 public:
  explicit KernelSwitch(bool on) { kernels::setFeatureKernelsEnabled(on); }
  ~KernelSwitch() { kernels::setFeatureKernelsEnabled(true); }
};

struct Outcome {
  MatrixXd resp;
  double meanLL = 0.0;
  GmmParams next;
};

Outcome runOnce(const MatrixXd& X, int k, CovarianceType type, bool handBlocked) {
  const KernelSwitch use(handBlocked);
  GmmConfig config;
  config.k = k;
  config.covariance = type;
  GaussianMixture model(config, X, 5);  // init and the first E-step
  Outcome out;
  out.resp = model.responsibilities();
  out.meanLL = model.meanLogLikelihood();
  model.mStep();  // from the E-step's fused moments
  out.next = model.parameters();
  return out;
}

TEST(FeatureKernelsTest, HandBlockedAndDgemmPathsAgree) {
  if (!kernels::featureKernelsEnabled()) GTEST_SKIP() << "this CPU has no AVX2 and FMA";
  for (const Shape shape :
       {Shape{37, 8, 1}, Shape{1500, 10, 3}, Shape{2001, 33, 7}, Shape{999, 50, 13}}) {
    for (const CovarianceType type : {CovarianceType::Full, CovarianceType::Tied}) {
      SCOPED_TRACE("n " + std::to_string(shape.n) + " d " + std::to_string(shape.d) + " k " +
                   std::to_string(shape.k));
      Rng rng(static_cast<std::uint64_t>(shape.d));
      MatrixXd X(shape.n, shape.d);
      for (Index i = 0; i < X.rows(); ++i)
        for (Index j = 0; j < X.cols(); ++j)
          X(i, j) = rng.normal(3.0 * (i % 4) - 4.0, 1.0 + 0.05 * j);
      const Outcome blocked = runOnce(X, shape.k, type, true);
      const Outcome dgemm = runOnce(X, shape.k, type, false);
      EXPECT_LT((blocked.resp - dgemm.resp).cwiseAbs().maxCoeff(), 1e-12);
      EXPECT_NEAR(blocked.meanLL, dgemm.meanLL, 1e-12 * std::abs(dgemm.meanLL));
      EXPECT_LT((blocked.next.means - dgemm.next.means).cwiseAbs().maxCoeff(), 1e-11);
      for (std::size_t c = 0; c < dgemm.next.covariances.size(); ++c) {
        EXPECT_LT((blocked.next.covariances[c] - dgemm.next.covariances[c]).cwiseAbs().maxCoeff(),
                  1e-11)
            << "component " << c;
      }
    }
  }
}

}  // namespace
}  // namespace genlab::gmm
