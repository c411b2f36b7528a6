// Compiled with -fopenmp (see core/CMakeLists.txt). EIGEN_DONT_PARALLELIZE keeps Eigen's own
// products serial here, as in every other file, so their instantiations agree across files and
// all the parallelism is the explicit one below.
#define EIGEN_DONT_PARALLELIZE

#include "core/models/gmm/gmm_kernels.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/math/blas.h"
#include "core/models/gmm/feature_kernels.h"
#include "core/models/gmm/vector_exp.h"
#include "core/util/errors.h"

namespace genlab::gmm::kernels {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;
using RowArray = Eigen::Array<double, 1, Eigen::Dynamic>;
using StridedRow = Eigen::Map<const VectorXd, 0, Eigen::InnerStride<>>;

// Samples per chunk, so that a chunk's scratch (`rowsPerSample` doubles per sample) stays near
// 1 MiB: it lives in the per-core L2, and BLAS calls still get enough columns to amortise packing.
Index chunkColumns(Index rowsPerSample) {
  constexpr Index kTargetDoubles = Index{1} << 17;
  const Index columns = kTargetDoubles / std::max<Index>(rowsPerSample, 1);
  return std::clamp<Index>(columns / 16 * 16, 64, 4096);
}

int resolveThreads(int threads) {
  return threads > 0 ? threads : defaultThreadCount();
}

// Called first in every parallel region that calls BLAS. OpenMP OpenBLAS runs single-threaded
// inside an active parallel region, but a team of one is not "active", and OpenBLAS would then
// start its own threads under ours. Setting this thread's nthreads-var to 1 (a per-task
// setting, gone when the region ends) keeps every BLAS call here on its calling thread.
void serialBlasInThisRegion() {
  omp_set_num_threads(1);
}

// The K x nb block holds log(w_k p(x_n | k)); turns it into responsibilities in place (a
// log-sum-exp per column, one exp per entry) and writes log p(x_n) into `ll`. Returns the sum of
// `ll`; *bad receives the first column whose log p(x) is not finite (then the block is garbage
// and the caller throws).
double normalizeChunk(double* block, Index K, Index nb, double* ll, Index* bad) {
  // Shift each column by its maximum, so every exp is <= 1 and the largest is exactly 1.
  for (Index n = 0; n < nb; ++n) {
    double* column = block + n * K;
    double top = column[0];
    for (Index k = 1; k < K; ++k) top = column[k] > top ? column[k] : top;
    for (Index k = 0; k < K; ++k) column[k] -= top;
    ll[n] = top;
  }
  expInPlace(block, static_cast<std::size_t>(K * nb));
  Eigen::Map<RowArray> out(ll, nb);
  RowArray sums(nb);
  for (Index n = 0; n < nb; ++n) {
    double* column = block + n * K;
    double sum = 0.0;
    for (Index k = 0; k < K; ++k) sum += column[k];
    const double inverse = 1.0 / sum;
    for (Index k = 0; k < K; ++k) column[k] *= inverse;
    sums(n) = sum;
  }
  out += sums.log();
  double total = 0.0;
  for (Index n = 0; n < nb; ++n) {
    if (!std::isfinite(out(n))) {
      *bad = n;
      return 0.0;
    }
    total += out(n);
  }
  return total;
}

// log(w_k p(x | k)) for small d by direct triangular products; D > 0 fixes the dimension at
// compile time so the loops unroll, D = 0 reads it from `dim`.
template <int D>
void logProbSmallDim(const double* x, Index nb, Index dim, const MatrixXd& precChol, bool tied,
                     const MatrixXd& meanProj, const VectorXd& logNorm, double* logp) {
  const Index d = D > 0 ? D : dim;
  const Index K = meanProj.cols();
  for (Index n = 0; n < nb; ++n) {
    const double* xn = x + n * d;
    for (Index k = 0; k < K; ++k) {
      const double* u = precChol.data() + (tied ? 0 : k * d * d);  // U(i, j) = u[i + j d]
      const double* m = meanProj.data() + k * d;
      double s = 0.0;
      for (Index j = 0; j < d; ++j) {
        double y = -m[j];
        for (Index i = 0; i <= j; ++i) y += u[i + j * d] * xn[i];
        s += y * y;
      }
      logp[n * K + k] = logNorm(k) - 0.5 * s;
    }
  }
}

template <int D>
void scatterSmallDim(const double* x, const double* r, Index nb, Index dim, Index K,
                     const MatrixXd& means, const std::vector<Index>& which,
                     std::vector<MatrixXd>& acc) {
  const Index d = D > 0 ? D : dim;
  double diff[kBlasMinDim];
  for (const Index k : which) {
    double* s = acc[static_cast<std::size_t>(k)].data();
    const double* mu = means.data() + k * d;
    for (Index n = 0; n < nb; ++n) {
      const double w = r[n * K + k];
      if (w == 0.0) continue;
      for (Index i = 0; i < d; ++i) diff[i] = x[n * d + i] - mu[i];
      for (Index j = 0; j < d; ++j) {
        const double wj = w * diff[j];
        for (Index i = 0; i <= j; ++i) s[i + j * d] += wj * diff[i];
      }
    }
  }
}

// ---- Quadratic features (d >= kBlasMinDim) -------------------------------------------------
// Both the E-step's log-densities and the M-step's scatter sums are linear in the features
//   f(x) = [x_i x_j for i <= j (column j of the upper triangle after column j-1); x; 1],
// p = d(d+1)/2 + d + 1 of them per sample:
//   log w_k N(x | mu_k, S_k) = e_k^T f(x),
//   sum_n r_nk f(x_n) = [sum r x_i x_j; sum r x; sum r] (the raw moments).
// So one GEMM against a chunk of features serves all K components, with about half the flops of
// forming U_k^T x (a full GEMM that multiplies the zeros of the triangular U_k), the same count
// as a triangular product but in one wide call, and with no per-component post-processing. The
// price is cancellation: the expanded forms lose accuracy when the samples lie far from a
// component's mean compared with its spread, so every use checks an error bound and falls back
// to the centred computation where the bound is too large.

// Error bound on a feature log-density, in absolute log units, below which a sample keeps it;
// samples above it are recomputed exactly. Far below what any comparison of results can see.
constexpr double kLogDensityTolerance = 1e-8;

// The M-step's raw second moment sum_n r x_i^2 may exceed the centred one by at most this
// factor in every coordinate (at most 4 of the 16 significant digits lost to cancellation);
// components beyond it are recomputed centred.
constexpr double kMaxCancellation = 1e4;

constexpr double kUnitRoundoff = 0x1p-53;

Index featureCount(Index d) {
  return d * (d + 1) / 2 + d + 1;
}

// Position of x_i x_j (i <= j) in f(x).
Index pairFeature(Index i, Index j) {
  return j * (j + 1) / 2 + i;
}

// Columns per feature chunk: enough for the GEMM to amortise packing its p x K operand, while
// the chunk (p x B doubles, streamed once through the GEMM) stays well inside the L3.
Index featureChunkColumns(Index p) {
  constexpr Index kTargetDoubles = Index{1} << 18;
  return std::clamp<Index>(kTargetDoubles / p / 16 * 16, 64, 1024);
}

// Samples per chunk on the hand-blocked path (feature_kernels.h): the chunk's feature rows
// (pPad x B doubles) fit in half of a 1 MiB L2, since both products read them from there.
Index featureRowChunkColumns(Index pPad) {
  const Index target = (Index{1} << 16) / pPad / kTileSamples * kTileSamples;
  return std::clamp<Index>(target, 2 * kTileSamples, 43 * kTileSamples);
}

Index roundUp(Index value, Index multiple) {
  return (value + multiple - 1) / multiple * multiple;
}

// Column n of F (p x nb) = f(x_n) for the nb samples at x (d x nb); sqNorm[n] = |x_n|^2 unless
// sqNorm is null.
void buildFeatures(const double* x, Index d, Index nb, double* F, Index p, double* sqNorm) {
  for (Index n = 0; n < nb; ++n) {
    const double* xn = x + n * d;
    double* f = F + n * p;
    double norm2 = 0.0;
    for (Index j = 0; j < d; ++j) {
      const double xj = xn[j];
      for (Index i = 0; i <= j; ++i) f[i] = xn[i] * xj;
      norm2 += f[j];
      f += j + 1;
    }
    for (Index i = 0; i < d; ++i) f[i] = xn[i];
    f[d] = 1.0;
    if (sqNorm != nullptr) sqNorm[n] = norm2;
  }
}

// The E-step as a product with the features: logp(:, n) = weights^T f(x_n).
struct FeatureLogDensity {
  MatrixXd weights;    // p x K
  VectorXd maxSqNorm;  // K: component k's value is recomputed exactly for samples with larger |x|^2
};

// Largest r^2 with a r^2 + b r + c <= tolerance (a, b, c >= 0); -1 when there is none.
double largestSafeSqNorm(double a, double b, double c, double tolerance) {
  const double slack = tolerance - c;
  if (!(slack > 0.0)) return -1.0;
  if (!(a > 0.0)) return std::numeric_limits<double>::infinity();
  const double r = (-b + std::sqrt(b * b + 4.0 * a * slack)) / (2.0 * a);
  return r * r;
}

// With L = U U^T the precision and m = U^T mu (meanProj):
//   log w N(x) = logNorm - 0.5 x^T L x + x^T (U m) - 0.5 |m|^2.
// Rounding: the GEMM's dot product of length p errs by at most gamma_p sum_i |e_i f_i| <= gamma_p
// (0.5 |L|_F |x|^2 + |U m| |x| + |logNorm| + 0.5 |m|^2), a quadratic in |x|; maxSqNorm(k) is the
// largest |x|^2 for which component k's bound stays within kLogDensityTolerance.
FeatureLogDensity featureLogDensity(const MatrixXd& precChol, bool tied, const MatrixXd& meanProj,
                                    const VectorXd& logNorm) {
  const Index d = precChol.rows();
  const Index K = meanProj.cols();
  const Index p = featureCount(d);
  const double gamma = static_cast<double>(p + 2) * kUnitRoundoff;
  FeatureLogDensity out;
  out.weights.resize(p, K);
  out.maxSqNorm.resize(K);
  for (Index k = 0; k < K; ++k) {
    const auto factor = precChol.middleCols(tied ? 0 : k * d, d);
    const MatrixXd precision = factor.triangularView<Eigen::Upper>() * factor.transpose();
    const VectorXd linear = factor.triangularView<Eigen::Upper>() * meanProj.col(k);
    const double halfMeanSq = 0.5 * meanProj.col(k).squaredNorm();
    auto e = out.weights.col(k);
    for (Index j = 0; j < d; ++j) {
      for (Index i = 0; i < j; ++i) e(pairFeature(i, j)) = -precision(i, j);
      e(pairFeature(j, j)) = -0.5 * precision(j, j);
    }
    e.segment(p - d - 1, d) = linear;
    e(p - 1) = logNorm(k) - halfMeanSq;
    out.maxSqNorm(k) =
        largestSafeSqNorm(gamma * 0.5 * precision.norm(), gamma * linear.norm(),
                          gamma * (std::abs(logNorm(k)) + halfMeanSq), kLogDensityTolerance);
  }
  return out;
}

// Replaces the feature log-densities of the chunk's samples whose error bound is too large
// (|x|^2 > maxSqNorm(k)) by the centred computation of logProbSmallDim:
// logp(k, n) = logNorm(k) - 0.5 |U_k^T x_n - m_k|^2.
void fixInaccurateLogProbs(const double* x, Index nb, const double* sqNorm,
                           const FeatureLogDensity& features, const MatrixXd& precChol, bool tied,
                           const MatrixXd& meanProj, const VectorXd& logNorm, double* logp) {
  const Index d = precChol.rows();
  const Index K = meanProj.cols();
  const double largest = *std::max_element(sqNorm, sqNorm + nb);
  if (largest <= features.maxSqNorm.minCoeff()) return;  // the common case: nothing to fix
  VectorXd y(d);
  for (Index n = 0; n < nb; ++n) {
    const Eigen::Map<const VectorXd> xn(x + n * d, d);
    for (Index k = 0; k < K; ++k) {
      if (sqNorm[n] <= features.maxSqNorm(k)) continue;
      const auto factor = precChol.middleCols(tied ? 0 : k * d, d);
      y.noalias() = factor.triangularView<Eigen::Upper>().transpose() * xn;
      logp[n * K + k] = logNorm(k) - 0.5 * (y - meanProj.col(k)).squaredNorm();
    }
  }
}

[[noreturn]] void throwBadSample(Index sample) {
  throw NumericError("E-step: log-likelihood of sample " + std::to_string(sample) +
                     " is not finite (zero density under every component)");
}

void checkBad(const std::vector<Index>& chunkBad, Index chunk) {
  for (std::size_t c = 0; c < chunkBad.size(); ++c) {
    if (chunkBad[c] >= 0) throwBadSample(static_cast<Index>(c) * chunk + chunkBad[c]);
  }
}

double sumInOrder(const std::vector<double>& values) {
  double total = 0.0;
  for (double v : values) total += v;
  return total;
}

// sum_n r_nk f(x_n) for every component (p x K): one GEMM per chunk of samples, with per-thread
// accumulators added in thread order.
MatrixXd featureMoments(const MatrixXd& X, const MatrixXd& resp, int T) {
  const Index d = X.rows();
  const Index N = X.cols();
  const Index K = resp.rows();
  const Index p = featureCount(d);
  const Index B = featureChunkColumns(p);
  const Index chunks = (N + B - 1) / B;
  std::vector<MatrixXd> acc(static_cast<std::size_t>(T), MatrixXd::Zero(p, K));

#pragma omp parallel num_threads(T)
  {
    serialBlasInThisRegion();
    auto& mine = acc[static_cast<std::size_t>(omp_get_thread_num())];
    MatrixXd F(p, B);
#pragma omp for schedule(static)
    for (Index c = 0; c < chunks; ++c) {
      const Index n0 = c * B;
      const Index nb = std::min(B, N - n0);
      buildFeatures(X.data() + n0 * d, d, nb, F.data(), p, nullptr);
      blas::gemm('N', 'T', static_cast<int>(p), static_cast<int>(K), static_cast<int>(nb), 1.0,
                 F.data(), static_cast<int>(p), resp.data() + n0 * K, static_cast<int>(K), 1.0,
                 mine.data(), static_cast<int>(p));
    }
  }
  MatrixXd total = MatrixXd::Zero(p, K);
  for (const auto& threadAcc : acc) total += threadAcc;
  return total;
}

// Upper triangle of S = sum_n r (x_n - mu)(x_n - mu)^T from one component's moments
// [M_ij = sum r x_i x_j; s = sum r x; m = sum r]:  S = M - mu s^T - s mu^T + m mu mu^T, exact
// for any mu. Returns false, leaving S unspecified, when a diagonal entry lost more than
// kMaxCancellation's worth of digits (M_ii > kMaxCancellation S_ii), or is not positive.
bool scatterFromMoments(const Eigen::Ref<const VectorXd>& moments,
                        const Eigen::Ref<const VectorXd>& mu, MatrixXd& S) {
  const Index d = mu.size();
  const Index p = moments.size();
  const auto s = moments.segment(p - d - 1, d);
  const double mass = moments(p - 1);
  for (Index j = 0; j < d; ++j) {
    for (Index i = 0; i <= j; ++i) {
      S(i, j) = moments(pairFeature(i, j)) - mu(i) * s(j) - s(i) * mu(j) + mass * mu(i) * mu(j);
    }
    if (!(S(j, j) > 0.0 && moments(pairFeature(j, j)) <= kMaxCancellation * S(j, j))) return false;
  }
  return true;
}

// Sets the upper triangle of scatter[k] to sum_n r_nk (x_n - mu_k)(x_n - mu_k)^T for the
// components k in `which`, centring every sample on mu_k first (dsyrk on sqrt(r_k)-scaled
// differences from kBlasMinDim on): the accurate path, and the only one below kBlasMinDim.
void scatterCentred(const MatrixXd& X, const MatrixXd& resp, const MatrixXd& means,
                    const std::vector<Index>& which, int T, std::vector<MatrixXd>& scatter) {
  const Index d = X.rows();
  const Index N = X.cols();
  const Index K = resp.rows();
  const bool useBlas = d >= kBlasMinDim;
  const Index B = chunkColumns(d);
  const Index chunks = (N + B - 1) / B;
  // One upper-triangular accumulator per thread and component: O(T K d^2) memory.
  std::vector<std::vector<MatrixXd>> acc(
      static_cast<std::size_t>(T),
      std::vector<MatrixXd>(static_cast<std::size_t>(K), MatrixXd::Zero(d, d)));

#pragma omp parallel num_threads(T)
  {
    serialBlasInThisRegion();
    auto& mine = acc[static_cast<std::size_t>(omp_get_thread_num())];
    MatrixXd D(useBlas ? d : 0, useBlas ? B : 0);  // sqrt(r_nk) (x_n - mu_k), one chunk
#pragma omp for schedule(static)
    for (Index c = 0; c < chunks; ++c) {
      const Index n0 = c * B;
      const Index nb = std::min(B, N - n0);
      const double* x = X.data() + n0 * d;
      const double* r = resp.data() + n0 * K;
      if (!useBlas) {
        if (d == 1) {
          scatterSmallDim<1>(x, r, nb, d, K, means, which, mine);
        } else if (d == 2) {
          scatterSmallDim<2>(x, r, nb, d, K, means, which, mine);
        } else if (d == 3) {
          scatterSmallDim<3>(x, r, nb, d, K, means, which, mine);
        } else {
          scatterSmallDim<0>(x, r, nb, d, K, means, which, mine);
        }
        continue;
      }
      const Eigen::Map<const MatrixXd> xc(x, d, nb);
      for (const Index k : which) {
        const StridedRow rk(r + k, nb, Eigen::InnerStride<>(K));
        D.leftCols(nb) = (xc.colwise() - means.col(k)) * rk.cwiseSqrt().asDiagonal();
        blas::syrkUpper(static_cast<int>(d), static_cast<int>(nb), 1.0, D.data(),
                        static_cast<int>(d), 1.0, mine[static_cast<std::size_t>(k)].data(),
                        static_cast<int>(d));
      }
    }
  }
  for (const Index k : which) {
    const auto ki = static_cast<std::size_t>(k);
    scatter[ki].setZero();
    for (const auto& threadAcc : acc) scatter[ki] += threadAcc[ki];
  }
}

}  // namespace

int defaultThreadCount() {
  return std::max(1, omp_get_num_procs());
}

double eStepCholesky(const MatrixXd& X, const MatrixXd& precChol, bool tied,
                     const MatrixXd& meanProj, const VectorXd& logNorm, MatrixXd& resp,
                     VectorXd& sampleLL, int threads, MatrixXd* moments) {
  const Index d = X.rows();
  const Index N = X.cols();
  const Index K = meanProj.cols();
  const bool useBlas = d >= kBlasMinDim;
  resp.resize(K, N);
  sampleLL.resize(N);
  const Index p = useBlas ? featureCount(d) : 0;
  const bool handBlocked = useBlas && featureKernelsEnabled();
  const Index pPad = roundUp(p, kTileFeatures);
  const Index kPad = roundUp(K, kTileComponents);
  const Index B = !useBlas      ? chunkColumns(K)
                  : handBlocked ? featureRowChunkColumns(pPad)
                                : featureChunkColumns(p);
  const Index chunks = (N + B - 1) / B;
  std::vector<double> chunkSum(static_cast<std::size_t>(chunks), 0.0);
  std::vector<Index> chunkBad(static_cast<std::size_t>(chunks), -1);
  const FeatureLogDensity features =
      useBlas ? featureLogDensity(precChol, tied, meanProj, logNorm) : FeatureLogDensity{};
  const int T = resolveThreads(threads);
  const bool fuseMoments = useBlas && moments != nullptr;
  // Per-thread moment accumulators, added in thread order after the loop. With the static
  // schedule each thread sums the same chunks in the same order every time, so the moments (like
  // everything else here) depend on the thread count only, never on timing.
  std::vector<MatrixXd> momentAcc(fuseMoments ? static_cast<std::size_t>(T) : 0,
                                  handBlocked ? MatrixXd::Zero(pPad, kPad) : MatrixXd::Zero(p, K));
  // The hand-blocked products read the weights row by row, padded with zero components.
  MatrixXd weightRows;
  if (handBlocked) {
    weightRows = MatrixXd::Zero(kPad, p);
    weightRows.topRows(K) = features.weights.transpose();
  }

#pragma omp parallel num_threads(T)
  {
    serialBlasInThisRegion();
    MatrixXd F(p, useBlas && !handBlocked ? B : 0);  // f(x_n) for the chunk's samples
    VectorXd sqNorm(useBlas ? B : 0);
    // Hand-blocked path: feature rows, transposed samples, and products (kPad rows of B).
    MatrixXd rowsF(handBlocked ? B : 0, handBlocked ? pPad : 0);
    MatrixXd xt(handBlocked ? B : 0, handBlocked ? d : 0);
    MatrixXd products(handBlocked ? B : 0, handBlocked ? kPad : 0);
#pragma omp for schedule(static)
    for (Index c = 0; c < chunks; ++c) {
      const Index n0 = c * B;
      const Index nb = std::min(B, N - n0);
      const double* x = X.data() + n0 * d;
      double* logp = resp.data() + n0 * K;
      if (handBlocked) {
        buildFeatureRows(x, d, nb, B, pPad, xt.data(), rowsF.data(), sqNorm.data());
        featureProducts(rowsF.data(), p, B, weightRows.data(), kPad, products.data());
        for (Index n = 0; n < nb; ++n) {
          for (Index k = 0; k < K; ++k) logp[n * K + k] = products(n, k);
        }
        fixInaccurateLogProbs(x, nb, sqNorm.data(), features, precChol, tied, meanProj, logNorm,
                              logp);
      } else if (useBlas) {
        buildFeatures(x, d, nb, F.data(), p, sqNorm.data());
        blas::gemm('T', 'N', static_cast<int>(K), static_cast<int>(nb), static_cast<int>(p), 1.0,
                   features.weights.data(), static_cast<int>(p), F.data(), static_cast<int>(p), 0.0,
                   logp, static_cast<int>(K));
        fixInaccurateLogProbs(x, nb, sqNorm.data(), features, precChol, tied, meanProj, logNorm,
                              logp);
      } else if (d == 1) {
        logProbSmallDim<1>(x, nb, d, precChol, tied, meanProj, logNorm, logp);
      } else if (d == 2) {
        logProbSmallDim<2>(x, nb, d, precChol, tied, meanProj, logNorm, logp);
      } else if (d == 3) {
        logProbSmallDim<3>(x, nb, d, precChol, tied, meanProj, logNorm, logp);
      } else {
        logProbSmallDim<0>(x, nb, d, precChol, tied, meanProj, logNorm, logp);
      }
      const auto ci = static_cast<std::size_t>(c);
      chunkSum[ci] = normalizeChunk(logp, K, nb, sampleLL.data() + n0, &chunkBad[ci]);
      if (fuseMoments && chunkBad[ci] < 0 && handBlocked) {
        // The responsibilities as rows, zero past the chunk's last sample; rows K..kPad-1 are
        // already zero (products of the zero padding weights).
        for (Index k = 0; k < K; ++k) {
          for (Index n = 0; n < nb; ++n) products(n, k) = logp[n * K + k];
          for (Index n = nb; n < B; ++n) products(n, k) = 0.0;
        }
        accumulateFeatureMoments(rowsF.data(), pPad, B, products.data(), kPad,
                                 momentAcc[static_cast<std::size_t>(omp_get_thread_num())].data());
      } else if (fuseMoments && chunkBad[ci] < 0) {
        // logp now holds this chunk's responsibilities: sum_n r_n f(x_n)^T += F R^T.
        auto& mine = momentAcc[static_cast<std::size_t>(omp_get_thread_num())];
        blas::gemm('N', 'T', static_cast<int>(p), static_cast<int>(K), static_cast<int>(nb), 1.0,
                   F.data(), static_cast<int>(p), logp, static_cast<int>(K), 1.0, mine.data(),
                   static_cast<int>(p));
      }
    }
  }
  checkBad(chunkBad, B);
  if (moments != nullptr) {
    moments->setZero(fuseMoments ? p : 0, fuseMoments ? K : 0);
    for (const auto& threadAcc : momentAcc) *moments += threadAcc.topLeftCorner(p, K);
  }
  return sumInOrder(chunkSum);
}

void weightedSumsFromMoments(const MatrixXd& moments, Index d, VectorXd& nk, MatrixXd& sums) {
  const Index p = moments.rows();
  nk = moments.row(p - 1).transpose();
  sums = moments.middleRows(p - d - 1, d);
}

double eStepDiagonal(const MatrixXd& X, const MatrixXd& means, const MatrixXd& precSqrt,
                     const VectorXd& logNorm, MatrixXd& resp, VectorXd& sampleLL, int threads) {
  const Index N = X.cols();
  const Index K = means.cols();
  resp.resize(K, N);
  sampleLL.resize(N);
  const Index B = chunkColumns(K);
  const Index chunks = (N + B - 1) / B;
  std::vector<double> chunkSum(static_cast<std::size_t>(chunks), 0.0);
  std::vector<Index> chunkBad(static_cast<std::size_t>(chunks), -1);
  // (x - mu_k) / sigma_k = x / sigma_k - mu_k / sigma_k: precompute the second term.
  const MatrixXd scaledMeans = means.cwiseProduct(precSqrt);

#pragma omp parallel for schedule(static) num_threads(resolveThreads(threads))
  for (Index c = 0; c < chunks; ++c) {
    const Index n0 = c * B;
    const Index nb = std::min(B, N - n0);
    double* logp = resp.data() + n0 * K;
    for (Index n = 0; n < nb; ++n) {
      const auto xn = X.col(n0 + n);
      Eigen::Map<VectorXd> out(logp + n * K, K);
      out = logNorm - 0.5 * ((precSqrt.array().colwise() * xn.array()) - scaledMeans.array())
                                .matrix()
                                .colwise()
                                .squaredNorm()
                                .transpose();
    }
    const auto ci = static_cast<std::size_t>(c);
    chunkSum[ci] = normalizeChunk(logp, K, nb, sampleLL.data() + n0, &chunkBad[ci]);
  }
  checkBad(chunkBad, B);
  return sumInOrder(chunkSum);
}

void weightedSums(const MatrixXd& X, const MatrixXd& resp, VectorXd& nk, MatrixXd& sums,
                  int threads) {
  const Index d = X.rows();
  const Index N = X.cols();
  const Index K = resp.rows();
  const int T = resolveThreads(threads);
  const Index B = chunkColumns(d + K);
  const Index chunks = (N + B - 1) / B;
  std::vector<MatrixXd> accSums(static_cast<std::size_t>(T), MatrixXd::Zero(d, K));
  std::vector<VectorXd> accN(static_cast<std::size_t>(T), VectorXd::Zero(K));

#pragma omp parallel num_threads(T)
  {
    serialBlasInThisRegion();
    const auto t = static_cast<std::size_t>(omp_get_thread_num());
#pragma omp for schedule(static)
    for (Index c = 0; c < chunks; ++c) {
      const Index n0 = c * B;
      const Index nb = std::min(B, N - n0);
      const Eigen::Map<const MatrixXd> xc(X.data() + n0 * d, d, nb);
      const Eigen::Map<const MatrixXd> rc(resp.data() + n0 * K, K, nb);
      accN[t] += rc.rowwise().sum();
      if (d >= kBlasMinDim) {
        blas::gemm('N', 'T', static_cast<int>(d), static_cast<int>(K), static_cast<int>(nb), 1.0,
                   xc.data(), static_cast<int>(d), rc.data(), static_cast<int>(K), 1.0,
                   accSums[t].data(), static_cast<int>(d));
      } else {
        accSums[t].noalias() += xc * rc.transpose();
      }
    }
  }
  nk = VectorXd::Zero(K);
  sums = MatrixXd::Zero(d, K);
  for (std::size_t t = 0; t < accN.size(); ++t) {
    nk += accN[t];
    sums += accSums[t];
  }
}

void weightedScatterFull(const MatrixXd& X, const MatrixXd& resp, const MatrixXd& means,
                         std::vector<MatrixXd>& scatter, int threads, const MatrixXd* given) {
  const Index d = X.rows();
  const Index K = resp.rows();
  const int T = resolveThreads(threads);
  scatter.assign(static_cast<std::size_t>(K), MatrixXd::Zero(d, d));
  std::vector<Index> centred;  // components to compute (again) the exact, centred way
  if (d >= kBlasMinDim) {
    const MatrixXd moments = given != nullptr ? *given : featureMoments(X, resp, T);
    for (Index k = 0; k < K; ++k) {
      if (!scatterFromMoments(moments.col(k), means.col(k), scatter[static_cast<std::size_t>(k)])) {
        centred.push_back(k);
      }
    }
  } else {
    for (Index k = 0; k < K; ++k) centred.push_back(k);
  }
  if (!centred.empty()) scatterCentred(X, resp, means, centred, T, scatter);
  for (auto& s : scatter) s.triangularView<Eigen::StrictlyLower>() = s.transpose();
}

void weightedScatterDiag(const MatrixXd& X, const MatrixXd& resp, const MatrixXd& means,
                         MatrixXd& scatterDiag, int threads) {
  const Index d = X.rows();
  const Index N = X.cols();
  const Index K = resp.rows();
  const int T = resolveThreads(threads);
  const Index B = chunkColumns(d + K);
  const Index chunks = (N + B - 1) / B;
  std::vector<MatrixXd> acc(static_cast<std::size_t>(T), MatrixXd::Zero(d, K));

#pragma omp parallel num_threads(T)
  {
    auto& mine = acc[static_cast<std::size_t>(omp_get_thread_num())];
#pragma omp for schedule(static)
    for (Index c = 0; c < chunks; ++c) {
      const Index n0 = c * B;
      const Index nb = std::min(B, N - n0);
      for (Index n = n0; n < n0 + nb; ++n) {
        mine.array() += (means.colwise() - X.col(n)).array().square().rowwise() *
                        resp.col(n).transpose().array();
      }
    }
  }
  scatterDiag = MatrixXd::Zero(d, K);
  for (const auto& threadAcc : acc) scatterDiag += threadAcc;
}

}  // namespace genlab::gmm::kernels
