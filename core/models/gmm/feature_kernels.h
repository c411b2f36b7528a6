#pragma once
// The E-step's two products with the quadratic features (see gmm_kernels.cpp), blocked by hand
// for AVX2 and FMA. Why not dgemm: per chunk, both products are thin (K output rows or
// columns) against the same p x B feature block, and dgemm packs that block into its own
// layout before each of them. Here the features are built once, straight into the layout the
// kernels read (one row per feature, samples contiguous), and each product reads them in place.
// Measured in alternating runs on the 2-core reference machine: one EM iteration at
// (N, d, K) = (1e5, 32, 16) took 49 to 54 ms against 66 to 71 ms through dgemm, and at
// (1e5, 50, 50) 322 to 329 ms against 354 to 362 ms.
// Used when the CPU has AVX2 and FMA (checked once, at run time); otherwise the dgemm path runs.

#include <Eigen/Core>

namespace genlab::gmm::kernels {

inline constexpr Eigen::Index kTileSamples = 12;    // samples per product tile: 3 x 4 doubles
inline constexpr Eigen::Index kTileComponents = 4;  // components per tile
inline constexpr Eigen::Index kTileFeatures = 3;    // feature rows per moment tile

// True when the CPU has AVX2 and FMA and tests have not switched the kernels off.
bool featureKernelsEnabled();
// For tests that compare the two paths, and for benchmarks.
void setFeatureKernelsEnabled(bool on);

// Feature rows of the chunk x (d x nb, one sample per column), `ld` (a multiple of
// kTileSamples, >= nb) columns wide: row f of F starts at F + f * ld. Rows follow f(x) of
// gmm_kernels.cpp ([x_i x_j for i <= j; x; 1]), then zero rows up to `rows`. Columns nb..ld-1
// are zero. xt (d x ld) is scratch; sqNorm[n] = |x_n|^2 for n < nb.
void buildFeatureRows(const double* x, Eigen::Index d, Eigen::Index nb, Eigen::Index ld,
                      Eigen::Index rows, double* xt, double* F, double* sqNorm);

// L (kPad rows of ld, row k at L + k * ld) = W^T F over the first p feature rows, where W is
// p x kPad ROW-major (W[f * kPad + k]) and kPad is a multiple of kTileComponents.
void featureProducts(const double* F, Eigen::Index p, Eigen::Index ld, const double* W,
                     Eigen::Index kPad, double* L);

// M (pPad x kPad, column-major) += F R^T: F has pPad rows (a multiple of kTileFeatures), R has
// kPad rows (a multiple of kTileComponents) of ld columns, row k at R + k * ld.
void accumulateFeatureMoments(const double* F, Eigen::Index pPad, Eigen::Index ld, const double* R,
                              Eigen::Index kPad, double* M);

}  // namespace genlab::gmm::kernels
