#include "core/models/gmm/vector_exp.h"

#include <immintrin.h>

#include <cmath>

namespace genlab::gmm {
namespace {

constexpr double kLog2e = 1.4426950408889634;
constexpr double kLn2Hi = 6.93147180369123816490e-01;  // ln 2 split so n * kLn2Hi is exact
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kMinArg = -708.0;  // below: 0 (exp(-708) ~ 3e-308, the smallest normal)
constexpr double kMaxArg = 709.0;

// 1/j! for j = 12 down to 0: exp(r) = sum_j r^j / j! for |r| <= ln(2)/2, truncation error
// below 2e-16 relative.
constexpr double kTaylor[] = {2.08767569878680989792e-09,
                              2.50521083854417187751e-08,
                              2.75573192239858906526e-07,
                              2.75573192239858906526e-06,
                              2.48015873015873015873e-05,
                              1.98412698412698412698e-04,
                              1.38888888888888888889e-03,
                              8.33333333333333333333e-03,
                              4.16666666666666666667e-02,
                              1.66666666666666666667e-01,
                              5.00000000000000000000e-01,
                              1.0,
                              1.0};

__attribute__((target("avx2,fma"))) void expAvx2(double* x, std::size_t n) {
  const __m256d log2e = _mm256_set1_pd(kLog2e);
  const __m256d ln2Hi = _mm256_set1_pd(kLn2Hi);
  const __m256d ln2Lo = _mm256_set1_pd(kLn2Lo);
  const __m256d minArg = _mm256_set1_pd(kMinArg);
  const __m256d maxArg = _mm256_set1_pd(kMaxArg);
  const __m128i bias = _mm_set1_epi32(1023);
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const __m256d v = _mm256_loadu_pd(x + i);
    const __m256d clamped = _mm256_min_pd(_mm256_max_pd(v, minArg), maxArg);
    // v = k ln2 + r, |r| <= ln2 / 2; exp(v) = 2^k exp(r).
    const __m256d k = _mm256_round_pd(_mm256_mul_pd(clamped, log2e),
                                      _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256d r = _mm256_fnmadd_pd(k, ln2Hi, clamped);
    r = _mm256_fnmadd_pd(k, ln2Lo, r);
    __m256d p = _mm256_set1_pd(kTaylor[0]);
    for (int j = 1; j < 13; ++j) p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(kTaylor[j]));
    // 2^k from the exponent bits: (k + 1023) << 52, k in [-1022, 1023] after the clamp.
    const __m128i k32 = _mm_add_epi32(_mm256_cvtpd_epi32(k), bias);
    const __m256d scale = _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_cvtepi32_epi64(k32), 52));
    __m256d result = _mm256_mul_pd(p, scale);
    // Below the range: 0. Above: +inf. NaN: NaN (max/min above dropped it; put it back).
    result = _mm256_blendv_pd(result, _mm256_setzero_pd(), _mm256_cmp_pd(v, minArg, _CMP_LT_OQ));
    result =
        _mm256_blendv_pd(result, _mm256_set1_pd(HUGE_VAL), _mm256_cmp_pd(v, maxArg, _CMP_GT_OQ));
    result = _mm256_blendv_pd(result, v, _mm256_cmp_pd(v, v, _CMP_UNORD_Q));
    _mm256_storeu_pd(x + i, result);
  }
  for (; i < n; ++i) x[i] = x[i] < kMinArg ? 0.0 : std::exp(x[i]);
}

void expScalar(double* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) x[i] = x[i] < kMinArg ? 0.0 : std::exp(x[i]);
}

bool hasAvx2Fma() {
  static const bool supported = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return supported;
}

}  // namespace

void expInPlace(double* x, std::size_t n) {
  if (hasAvx2Fma()) {
    expAvx2(x, n);
  } else {
    expScalar(x, n);
  }
}

}  // namespace genlab::gmm
