#include "core/models/word2vec/vector_kernels.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/models/word2vec/fast_random.h"

namespace genlab::word2vec {
namespace {

// Every length from 0 to 70 covers the 16-wide body, the 8-wide step and the scalar tail.
TEST(VectorKernels, DotAndAxpyMatchDoublePrecisionAtEveryLength) {
  FastRandom rng(3);
  for (int n = 0; n <= 70; ++n) {
    std::vector<float> x(static_cast<std::size_t>(n)), y(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      x[i] = rng.uniform() - 0.5f;
      y[i] = rng.uniform() - 0.5f;
    }
    double expected = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) expected += static_cast<double>(x[i]) * y[i];
    EXPECT_NEAR(dot(x.data(), y.data(), n), expected, 1e-5) << "n = " << n;

    std::vector<float> z = y;
    axpy(0.75f, x.data(), z.data(), n);
    for (std::size_t i = 0; i < x.size(); ++i) {
      EXPECT_NEAR(z[i], y[i] + 0.75 * x[i], 1e-6) << "n = " << n << ", i = " << i;
    }
  }
}

}  // namespace
}  // namespace genlab::word2vec
