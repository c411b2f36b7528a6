#pragma once
// exp over a contiguous array, in place: the E-step's hot loop (one exp per sample and
// component). genlab is compiled for baseline x86-64, where Eigen's vectorised exp handles two
// doubles at a time without FMA; on a CPU with AVX2 and FMA (checked once, at run time) this
// uses a four-wide version instead, ~4x faster. Accuracy: within 2 ulp of std::exp for
// x in [-708, 709]; x < -708 gives 0 (no denormals: they would only slow the sums that follow),
// x > 709 gives +inf, NaN stays NaN.

#include <cstddef>

namespace genlab::gmm {

void expInPlace(double* x, std::size_t n);

}  // namespace genlab::gmm
