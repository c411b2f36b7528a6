#pragma once
// The passes over the data that make one EM iteration, written for speed. Internal to the GMM:
// GaussianMixture owns the layouts and the invariants, these functions only compute.
//
// Layout (column-major, the transpose of the public one): X is d x N with one sample per
// COLUMN, responsibilities are K x N, so a sample's coordinates and its K responsibilities are
// contiguous. Each pass splits the samples into chunks of consecutive columns, processed in
// parallel by `threads` OpenMP threads; per-chunk results that are summed (log-likelihoods) are
// added in chunk order, so they do not depend on the thread count. Scratch memory is
// O(chunk * (d^2 + K)) per thread, with chunk * d^2 capped near 2 MiB, plus O(K d^2) accumulators;
// nothing of size N x K x d is ever formed.
//
// From d = kBlasMinDim on, the full/tied E-step and the full scatter are products with the
// quadratic features f(x) = [x_i x_j (i <= j); x; 1] of a chunk of samples: one GEMM for all K
// components with ~N K d^2 flops each, half those of the centred forms (see gmm_kernels.cpp).
// Where rounding bounds say cancellation could cost more than ~1e-8 (far-off samples, very
// narrow components), the affected samples or components are recomputed centred.

#include <Eigen/Core>
#include <vector>

namespace genlab::gmm::kernels {

// Below this dimension the kernels use plain loops; from it on, BLAS (dgemm, dsyrk) and the
// quadratic features.
inline constexpr Eigen::Index kBlasMinDim = 8;

// Per-component log-density constants: logNorm(k) = log w_k + log|U_k| - d/2 log(2 pi), where
// U_k is the precision Cholesky factor (see eStepCholesky). Then
//   log w_k N(x | mu_k, S_k) = logNorm(k) - 0.5 |U_k^T (x - mu_k)|^2.
//
// E-step for full (G = K factors) and tied (G = 1) covariances.
//   precChol: d x (G*d), the upper-triangular U_g side by side, with S_g^{-1} = U_g U_g^T.
//   meanProj: d x K, column k = U_{g(k)}^T mu_k, with g(k) = k (full) or 0 (tied).
// Writes resp (K x N, columns sum to 1) and sampleLL (N: log p(x_n)); returns sum of sampleLL.
// Throws NumericError naming the sample when one has zero or non-finite density.
//
// With `moments` given and d >= kBlasMinDim, also writes the next M-step's statistics from the
// features the E-step has just built, while they are still in cache: moments (p x K) =
// sum_n resp(k, n) f(x_n), that is [sum r x_i x_j; sum r x; sum r]. Fusing them saves the M-step
// a pass over the data that would rebuild every feature. Below kBlasMinDim it is left empty.
double eStepCholesky(const Eigen::MatrixXd& X, const Eigen::MatrixXd& precChol, bool tied,
                     const Eigen::MatrixXd& meanProj, const Eigen::VectorXd& logNorm,
                     Eigen::MatrixXd& resp, Eigen::VectorXd& sampleLL, int threads,
                     Eigen::MatrixXd* moments = nullptr);

// nk and sums (as weightedSums computes them) read off an E-step's feature moments.
void weightedSumsFromMoments(const Eigen::MatrixXd& moments, Eigen::Index d, Eigen::VectorXd& nk,
                             Eigen::MatrixXd& sums);

// E-step for diagonal and spherical covariances: precSqrt (d x K) holds 1/sqrt(variance).
double eStepDiagonal(const Eigen::MatrixXd& X, const Eigen::MatrixXd& means,
                     const Eigen::MatrixXd& precSqrt, const Eigen::VectorXd& logNorm,
                     Eigen::MatrixXd& resp, Eigen::VectorXd& sampleLL, int threads);

// nk(k) = sum_n resp(k, n); sums (d x K) = X resp^T.
void weightedSums(const Eigen::MatrixXd& X, const Eigen::MatrixXd& resp, Eigen::VectorXd& nk,
                  Eigen::MatrixXd& sums, int threads);

// scatter[k] (d x d, both triangles filled) = sum_n resp(k, n) (x_n - mu_k)(x_n - mu_k)^T,
// with means (d x K). From kBlasMinDim on it is assembled from raw moments (sum r x x^T, sum r x,
// sum r) unless that loses more than 4 digits to cancellation on a diagonal entry; such
// components, and every component below kBlasMinDim, are summed centred on mu_k.
// `moments`, when not null, are the feature moments of these responsibilities (from
// eStepCholesky) and replace the pass that would compute them.
void weightedScatterFull(const Eigen::MatrixXd& X, const Eigen::MatrixXd& resp,
                         const Eigen::MatrixXd& means, std::vector<Eigen::MatrixXd>& scatter,
                         int threads, const Eigen::MatrixXd* moments = nullptr);

// scatterDiag (d x K): the diagonals of weightedScatterFull, in O(N K d).
void weightedScatterDiag(const Eigen::MatrixXd& X, const Eigen::MatrixXd& resp,
                         const Eigen::MatrixXd& means, Eigen::MatrixXd& scatterDiag, int threads);

// Threads the kernels use when a caller asks for 0: all the machine's cores.
int defaultThreadCount();

}  // namespace genlab::gmm::kernels
