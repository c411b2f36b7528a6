#include "core/models/gmm/feature_kernels.h"

#include <immintrin.h>

#include <atomic>

namespace genlab::gmm::kernels {
namespace {

using Eigen::Index;

bool cpuHasAvx2Fma() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

std::atomic<bool> g_enabled{cpuHasAvx2Fma()};

#define GENLAB_AVX2 __attribute__((target("avx2,fma")))

GENLAB_AVX2 inline double horizontalSum(__m256d v) {
  const __m128d pair = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
  return _mm_cvtsd_f64(_mm_add_sd(pair, _mm_unpackhi_pd(pair, pair)));
}

}  // namespace

bool featureKernelsEnabled() {
  return g_enabled.load(std::memory_order_relaxed);
}

void setFeatureKernelsEnabled(bool on) {
  g_enabled.store(on && cpuHasAvx2Fma(), std::memory_order_relaxed);
}

void buildFeatureRows(const double* x, Index d, Index nb, Index ld, Index rows, double* xt,
                      double* F, double* sqNorm) {
  // Transpose first, so every feature row below is one contiguous, vectorisable product.
  for (Index i = 0; i < d; ++i) {
    double* row = xt + i * ld;
    for (Index n = 0; n < nb; ++n) row[n] = x[n * d + i];
    for (Index n = nb; n < ld; ++n) row[n] = 0.0;
  }
  double* f = F;
  for (Index j = 0; j < d; ++j) {
    const double* xj = xt + j * ld;
    for (Index i = 0; i <= j; ++i, f += ld) {
      const double* xi = xt + i * ld;
      for (Index n = 0; n < ld; ++n) f[n] = xi[n] * xj[n];
    }
  }
  for (Index i = 0; i < d; ++i, f += ld) {
    const double* xi = xt + i * ld;
    for (Index n = 0; n < ld; ++n) f[n] = xi[n];
  }
  for (Index n = 0; n < ld; ++n) f[n] = n < nb ? 1.0 : 0.0;
  f += ld;
  for (double* end = F + rows * ld; f < end; ++f) *f = 0.0;
  for (Index n = 0; n < nb; ++n) sqNorm[n] = 0.0;
  for (Index i = 0; i < d; ++i) {
    const double* xi = xt + i * ld;
    for (Index n = 0; n < nb; ++n) sqNorm[n] += xi[n] * xi[n];
  }
}

// Register tile: 12 samples (three vectors) x 4 components (broadcast weights), 12
// accumulators; per feature row 3 loads and 4 broadcasts feed 12 FMAs.
GENLAB_AVX2 void featureProducts(const double* F, Index p, Index ld, const double* W, Index kPad,
                                 double* L) {
  for (Index k0 = 0; k0 < kPad; k0 += kTileComponents) {
    for (Index n0 = 0; n0 < ld; n0 += kTileSamples) {
      __m256d c00 = _mm256_setzero_pd(), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
      __m256d c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
      const double* f = F + n0;
      const double* w = W + k0;
      for (Index r = 0; r < p; ++r, f += ld, w += kPad) {
        const __m256d a0 = _mm256_loadu_pd(f);
        const __m256d a1 = _mm256_loadu_pd(f + 4);
        const __m256d a2 = _mm256_loadu_pd(f + 8);
        __m256d b = _mm256_broadcast_sd(w);
        c00 = _mm256_fmadd_pd(a0, b, c00);
        c01 = _mm256_fmadd_pd(a1, b, c01);
        c02 = _mm256_fmadd_pd(a2, b, c02);
        b = _mm256_broadcast_sd(w + 1);
        c10 = _mm256_fmadd_pd(a0, b, c10);
        c11 = _mm256_fmadd_pd(a1, b, c11);
        c12 = _mm256_fmadd_pd(a2, b, c12);
        b = _mm256_broadcast_sd(w + 2);
        c20 = _mm256_fmadd_pd(a0, b, c20);
        c21 = _mm256_fmadd_pd(a1, b, c21);
        c22 = _mm256_fmadd_pd(a2, b, c22);
        b = _mm256_broadcast_sd(w + 3);
        c30 = _mm256_fmadd_pd(a0, b, c30);
        c31 = _mm256_fmadd_pd(a1, b, c31);
        c32 = _mm256_fmadd_pd(a2, b, c32);
      }
      double* out = L + k0 * ld + n0;
      _mm256_storeu_pd(out, c00);
      _mm256_storeu_pd(out + 4, c01);
      _mm256_storeu_pd(out + 8, c02);
      out += ld;
      _mm256_storeu_pd(out, c10);
      _mm256_storeu_pd(out + 4, c11);
      _mm256_storeu_pd(out + 8, c12);
      out += ld;
      _mm256_storeu_pd(out, c20);
      _mm256_storeu_pd(out + 4, c21);
      _mm256_storeu_pd(out + 8, c22);
      out += ld;
      _mm256_storeu_pd(out, c30);
      _mm256_storeu_pd(out + 4, c31);
      _mm256_storeu_pd(out + 8, c32);
    }
  }
}

// Register tile: 3 feature rows x 4 components, 12 accumulators of 4 sample lanes each, summed
// across lanes once per tile; per 4 samples 3 + 4 loads feed 12 FMAs.
GENLAB_AVX2 void accumulateFeatureMoments(const double* F, Index pPad, Index ld, const double* R,
                                          Index kPad, double* M) {
  for (Index f0 = 0; f0 < pPad; f0 += kTileFeatures) {
    const double* a = F + f0 * ld;
    for (Index k0 = 0; k0 < kPad; k0 += kTileComponents) {
      __m256d c00 = _mm256_setzero_pd(), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00;
      __m256d c12 = c00, c13 = c00, c20 = c00, c21 = c00, c22 = c00, c23 = c00;
      const double* r = R + k0 * ld;
      for (Index n = 0; n < ld; n += 4) {
        const __m256d a0 = _mm256_loadu_pd(a + n);
        const __m256d a1 = _mm256_loadu_pd(a + ld + n);
        const __m256d a2 = _mm256_loadu_pd(a + 2 * ld + n);
        __m256d q = _mm256_loadu_pd(r + n);
        c00 = _mm256_fmadd_pd(a0, q, c00);
        c10 = _mm256_fmadd_pd(a1, q, c10);
        c20 = _mm256_fmadd_pd(a2, q, c20);
        q = _mm256_loadu_pd(r + ld + n);
        c01 = _mm256_fmadd_pd(a0, q, c01);
        c11 = _mm256_fmadd_pd(a1, q, c11);
        c21 = _mm256_fmadd_pd(a2, q, c21);
        q = _mm256_loadu_pd(r + 2 * ld + n);
        c02 = _mm256_fmadd_pd(a0, q, c02);
        c12 = _mm256_fmadd_pd(a1, q, c12);
        c22 = _mm256_fmadd_pd(a2, q, c22);
        q = _mm256_loadu_pd(r + 3 * ld + n);
        c03 = _mm256_fmadd_pd(a0, q, c03);
        c13 = _mm256_fmadd_pd(a1, q, c13);
        c23 = _mm256_fmadd_pd(a2, q, c23);
      }
      double* m = M + k0 * pPad + f0;
      m[0] += horizontalSum(c00);
      m[1] += horizontalSum(c10);
      m[2] += horizontalSum(c20);
      m += pPad;
      m[0] += horizontalSum(c01);
      m[1] += horizontalSum(c11);
      m[2] += horizontalSum(c21);
      m += pPad;
      m[0] += horizontalSum(c02);
      m[1] += horizontalSum(c12);
      m[2] += horizontalSum(c22);
      m += pPad;
      m[0] += horizontalSum(c03);
      m[1] += horizontalSum(c13);
      m[2] += horizontalSum(c23);
    }
  }
}

}  // namespace genlab::gmm::kernels
