#include "core/models/word2vec/vector_kernels.h"

#include <immintrin.h>

namespace genlab::word2vec {
namespace {

#define GENLAB_AVX2 __attribute__((target("avx2,fma")))

GENLAB_AVX2 float dotAvx2(const float* a, const float* b, int n) {
  __m256 acc0 = _mm256_setzero_ps();
  __m256 acc1 = _mm256_setzero_ps();
  int i = 0;
  for (; i + 16 <= n; i += 16) {
    acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
    acc1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), acc1);
  }
  if (i + 8 <= n) {
    acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
    i += 8;
  }
  const __m256 acc = _mm256_add_ps(acc0, acc1);
  __m128 sum = _mm_add_ps(_mm256_castps256_ps128(acc), _mm256_extractf128_ps(acc, 1));
  sum = _mm_add_ps(sum, _mm_movehl_ps(sum, sum));
  sum = _mm_add_ss(sum, _mm_movehdup_ps(sum));
  float result = _mm_cvtss_f32(sum);
  for (; i < n; ++i) result += a[i] * b[i];
  return result;
}

GENLAB_AVX2 void axpyAvx2(float alpha, const float* x, float* y, int n) {
  const __m256 a = _mm256_set1_ps(alpha);
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    _mm256_storeu_ps(y + i, _mm256_fmadd_ps(a, _mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i)));
  }
  for (; i < n; ++i) y[i] += alpha * x[i];
}

float dotPlain(const float* a, const float* b, int n) {
  float result = 0.0f;
  for (int i = 0; i < n; ++i) result += a[i] * b[i];
  return result;
}

void axpyPlain(float alpha, const float* x, float* y, int n) {
  for (int i = 0; i < n; ++i) y[i] += alpha * x[i];
}

bool cpuHasAvx2Fma() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

const bool g_avx2 = cpuHasAvx2Fma();

}  // namespace

float dot(const float* a, const float* b, int n) {
  return g_avx2 ? dotAvx2(a, b, n) : dotPlain(a, b, n);
}

void axpy(float alpha, const float* x, float* y, int n) {
  if (g_avx2) {
    axpyAvx2(alpha, x, y, n);
  } else {
    axpyPlain(alpha, x, y, n);
  }
}

}  // namespace genlab::word2vec
