#include "core/models/nb/nb_kernels.h"

#include <algorithm>
#include <array>
#include <vector>

#include "core/platform/target_clones.h"

namespace genlab::nb::kernels {
namespace {

// Rows per block: a block of samples' features (kBlock x d doubles, read once per class) stays
// in cache while every class reads it, instead of each class streaming the whole matrix.
constexpr Eigen::Index kBlock = 128;
constexpr Eigen::Index kPairwiseBlock = 128;  // numpy's PW_BLOCKSIZE

struct Terms {
  const double* x;  // column-major block: feature j of row i at x[i + j * ldx]
  Eigen::Index ldx;
  Eigen::Index rows;
  const double* theta;  // class row of theta, stride K
  const double* var;
  Eigen::Index K;
};

// acc[i] (op)= term(feature) for every row i: the loop the compiler vectorises across rows. A
// macro, not a function: it must be compiled inside each target_clones copy to get its AVX2.
#define GENLAB_NB_TERM_LOOP(OP, FEATURE)          \
  do {                                            \
    const double* column = t.x + (FEATURE)*t.ldx; \
    const double mean = t.theta[(FEATURE)*t.K];   \
    const double v = t.var[(FEATURE)*t.K];        \
    for (Eigen::Index i = 0; i < t.rows; ++i) {   \
      const double diff = column[i] - mean;       \
      acc[i] OP(diff* diff) / v;                  \
    }                                             \
  } while (false)

// out[i] = numpy's pairwise sum over features [lo, lo + n) of row i's terms. scratch holds at
// least 8 * rows doubles per level of recursion below this one.
GENLAB_TARGET_CLONES("avx2", "default")
void pairwiseTerms(const Terms& t, Eigen::Index lo, Eigen::Index n, double* out, double* scratch) {
  if (n < 8) {
    double* acc = out;
    std::fill(acc, acc + t.rows, 0.0);
    for (Eigen::Index j = lo; j < lo + n; ++j) GENLAB_NB_TERM_LOOP(+=, j);
    return;
  }
  if (n <= kPairwiseBlock) {
    double* r = scratch;  // eight partial sums per row, r[k * rows + i]
    for (Eigen::Index k = 0; k < 8; ++k) {
      double* acc = r + k * t.rows;
      GENLAB_NB_TERM_LOOP(=, lo + k);
    }
    Eigen::Index j = lo + 8;
    for (; j < lo + n - n % 8; j += 8) {
      for (Eigen::Index k = 0; k < 8; ++k) {
        double* acc = r + k * t.rows;
        GENLAB_NB_TERM_LOOP(+=, j + k);
      }
    }
    const Eigen::Index R = t.rows;
    for (Eigen::Index i = 0; i < R; ++i) {
      out[i] = ((r[i] + r[R + i]) + (r[2 * R + i] + r[3 * R + i])) +
               ((r[4 * R + i] + r[5 * R + i]) + (r[6 * R + i] + r[7 * R + i]));
    }
    double* acc = out;
    for (; j < lo + n; ++j) GENLAB_NB_TERM_LOOP(+=, j);
    return;
  }
  Eigen::Index half = n / 2;
  half -= half % 8;
  double* second = scratch;
  pairwiseTerms(t, lo, half, out, scratch + t.rows);
  pairwiseTerms(t, lo + half, n - half, second, scratch + t.rows);
  for (Eigen::Index i = 0; i < t.rows; ++i) out[i] += second[i];
}

#undef GENLAB_NB_TERM_LOOP

}  // namespace

double numpySum(const double* a, Eigen::Index n, Eigen::Index stride) {
  if (n < 8) {
    double sum = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) sum += a[i * stride];
    return sum;
  }
  if (n <= kPairwiseBlock) {
    std::array<double, 8> r{};
    for (Eigen::Index k = 0; k < 8; ++k) r[static_cast<std::size_t>(k)] = a[k * stride];
    Eigen::Index i = 8;
    for (; i < n - n % 8; i += 8) {
      for (Eigen::Index k = 0; k < 8; ++k) r[static_cast<std::size_t>(k)] += a[(i + k) * stride];
    }
    double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) sum += a[i * stride];
    return sum;
  }
  Eigen::Index half = n / 2;
  half -= half % 8;
  return numpySum(a, half, stride) + numpySum(a + half * stride, n - half, stride);
}

void scaledSquaredDistances(const Eigen::MatrixXd& X, const Eigen::MatrixXd& theta,
                            const Eigen::MatrixXd& var, Eigen::MatrixXd& out) {
  const Eigen::Index n = X.rows();
  const Eigen::Index d = X.cols();
  // Recursion depth is log2(d / 128) + 1; each level keeps one block of row sums, and the
  // deepest eight.
  Eigen::Index levels = 1;
  for (Eigen::Index size = d; size > kPairwiseBlock; size /= 2) ++levels;
  std::vector<double> scratch(static_cast<std::size_t>((levels + 8) * kBlock));
  for (Eigen::Index start = 0; start < n; start += kBlock) {
    const Eigen::Index rows = std::min(kBlock, n - start);
    for (Eigen::Index c = 0; c < theta.rows(); ++c) {
      const Terms terms{X.data() + start, n, rows, theta.data() + c, var.data() + c, theta.rows()};
      pairwiseTerms(terms, 0, d, out.data() + start + c * out.rows(), scratch.data());
    }
  }
}

}  // namespace genlab::nb::kernels
