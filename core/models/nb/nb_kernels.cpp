#include "core/models/nb/nb_kernels.h"

#include <algorithm>

namespace genlab::nb::kernels {
namespace {

// Rows per block: a block of samples' features (kBlock x d doubles, read once per class) stays
// in cache while every class reads it, instead of each class streaming the whole matrix.
constexpr Eigen::Index kBlock = 256;

// Built twice, for AVX2 and for baseline x86-64, and chosen once at load time (GCC's
// target_clones): genlab is built for SSE2, where the loop runs two doubles at a time.
__attribute__((target_clones("avx2", "default"))) void distancesBlock(
    const double* x, Eigen::Index ldx, Eigen::Index rows, Eigen::Index d, const double* theta,
    const double* inverseVar, Eigen::Index K, double* out, Eigen::Index ldo) {
  for (Eigen::Index c = 0; c < K; ++c) {
    double* acc = out + c * ldo;
    std::fill(acc, acc + rows, 0.0);
    for (Eigen::Index j = 0; j < d; ++j) {
      const double* column = x + j * ldx;
      const double mean = theta[c + j * K];
      const double scale = inverseVar[c + j * K];
      for (Eigen::Index i = 0; i < rows; ++i) {
        const double t = column[i] - mean;
        acc[i] += t * t * scale;
      }
    }
  }
}

}  // namespace

void scaledSquaredDistances(const Eigen::MatrixXd& X, const Eigen::MatrixXd& theta,
                            const Eigen::MatrixXd& inverseVar, Eigen::MatrixXd& out) {
  const Eigen::Index n = X.rows();
  for (Eigen::Index start = 0; start < n; start += kBlock) {
    const Eigen::Index rows = std::min(kBlock, n - start);
    distancesBlock(X.data() + start, n, rows, X.cols(), theta.data(), inverseVar.data(),
                   theta.rows(), out.data() + start, out.rows());
  }
}

}  // namespace genlab::nb::kernels
