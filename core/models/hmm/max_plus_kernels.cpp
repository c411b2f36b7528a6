#include "core/models/hmm/max_plus_kernels.h"

#include <immintrin.h>

#include <atomic>
#include <limits>

namespace genlab::hmm::kernels {
namespace {

// The back-trace walks the delta table backwards, out of cache at large T x K; it asks for
// the row this many steps ahead (K = 64: 5.6 against 7.3 ms for T = 1e5).
constexpr Index kPrefetchRows = 16;
constexpr double kMinusInf = -std::numeric_limits<double>::infinity();

bool cpuHasAvx2() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}

std::atomic<bool> g_enabled{cpuHasAvx2()};

#define GENLAB_AVX2 __attribute__((target("avx2")))

// All-ones in the lanes below n (n in [1, kLanes]), for the last, partial vector of a row.
GENLAB_AVX2 inline __m256i lanesBelow(Index n) {
  return _mm256_cmpgt_epi64(_mm256_set1_epi64x(n), _mm256_setr_epi64x(0, 1, 2, 3));
}

// row[j..j+3] += v, touching only columns below k: the columns past k belong to the next row.
GENLAB_AVX2 inline void addToRow(double* row, Index j, Index k, __m256d v) {
  if (j + kLanes <= k) {
    _mm256_storeu_pd(row + j, _mm256_add_pd(_mm256_loadu_pd(row + j), v));
    return;
  }
  const __m256i mask = lanesBelow(k - j);
  _mm256_maskstore_pd(row + j, mask, _mm256_add_pd(_mm256_maskload_pd(row + j, mask), v));
}

// row[i..i+3] of a k-wide row; the lanes at or past k are 0, their memory not read.
GENLAB_AVX2 inline __m256d loadRow(const double* row, Index i, Index k) {
  if (i + kLanes <= k) return _mm256_loadu_pd(row + i);
  return _mm256_maskload_pd(row + i, lanesBelow(k - i));
}

// One step for the V vectors of columns starting at j0:
//   cur[j] += max_i (prev[i] + logA(i, j)),  j in [j0, j0 + V * kLanes), j < k.
// The V running maxima stay in registers for the whole sweep over i.
template <int V>
GENLAB_AVX2 inline void forwardBlock(const PaddedLogTransitions& la, const double* prev,
                                     double* cur, Index j0) {
  const Index k = la.k;
  const double* a = la.rows.data() + j0;
  __m256d best[V];
  const __m256d p0 = _mm256_broadcast_sd(prev);
  for (int v = 0; v < V; ++v) best[v] = _mm256_add_pd(_mm256_loadu_pd(a + v * kLanes), p0);
  for (Index i = 1; i < k; ++i) {
    const double* ai = a + i * la.stride;
    const __m256d p = _mm256_broadcast_sd(prev + i);
    for (int v = 0; v < V; ++v)
      best[v] = _mm256_max_pd(best[v], _mm256_add_pd(_mm256_loadu_pd(ai + v * kLanes), p));
  }
  for (int v = 0; v < V; ++v) addToRow(cur, j0 + v * kLanes, k, best[v]);
}

// One step over all the columns: blocks of 8 vectors (8 of the 16 ymm registers hold the maxima,
// enough independent max chains to hide the latency), then what is left in blocks of 4, 2, 1.
GENLAB_AVX2 void forwardStep(const PaddedLogTransitions& la, const double* prev, double* cur) {
  Index j0 = 0;
  for (; j0 + 8 * kLanes <= la.stride; j0 += 8 * kLanes) forwardBlock<8>(la, prev, cur, j0);
  if (j0 + 4 * kLanes <= la.stride) {
    forwardBlock<4>(la, prev, cur, j0);
    j0 += 4 * kLanes;
  }
  if (j0 + 2 * kLanes <= la.stride) {
    forwardBlock<2>(la, prev, cur, j0);
    j0 += 2 * kLanes;
  }
  if (j0 < la.stride) forwardBlock<1>(la, prev, cur, j0);
}

GENLAB_AVX2 inline double horizontalMax(__m256d v) {
  const __m128d pair = _mm_max_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
  return _mm_cvtsd_f64(_mm_max_sd(pair, _mm_unpackhi_pd(pair, pair)));
}

// argmax_i (prev[i] + logA(i, j)) over i < k, the lowest index among equal maxima: first the
// maximum, then the first candidate equal to it. Lanes past k are -inf + 0; when every real
// candidate is -inf too, lane 0 is the first equal one, as in the scalar loop.
GENLAB_AVX2 int argmaxIncoming(const PaddedLogTransitions& la, const double* prev, Index j) {
  const Index k = la.k;
  const double* a = la.cols.data() + j * la.stride;
  __m256d best = _mm256_set1_pd(kMinusInf);
  for (Index i = 0; i < k; i += kLanes)
    best = _mm256_max_pd(best, _mm256_add_pd(loadRow(prev, i, k), _mm256_loadu_pd(a + i)));
  const __m256d top = _mm256_set1_pd(horizontalMax(best));
  for (Index i = 0; i < k; i += kLanes) {
    const __m256d cand = _mm256_add_pd(loadRow(prev, i, k), _mm256_loadu_pd(a + i));
    const int equal = _mm256_movemask_pd(_mm256_cmp_pd(cand, top, _CMP_EQ_OQ));
    if (equal != 0) return static_cast<int>(i) + __builtin_ctz(static_cast<unsigned>(equal));
  }
  return 0;  // unreachable: `top` is one of the candidates (no NaN, see the header)
}

GENLAB_AVX2 inline void prefetchRow(const double* row, Index k) {
  constexpr Index kLine = 64 / sizeof(double);  // doubles per cache line
  for (Index j = 0; j < k; j += kLine)
    _mm_prefetch(reinterpret_cast<const char*>(row + j), _MM_HINT_T0);
}

}  // namespace

bool maxPlusKernelsEnabled() {
  return g_enabled.load(std::memory_order_relaxed);
}

void setMaxPlusKernelsEnabled(bool on) {
  g_enabled.store(on && cpuHasAvx2(), std::memory_order_relaxed);
}

PaddedLogTransitions padLogTransitions(const RowMatrix& logA) {
  PaddedLogTransitions la;
  la.k = logA.rows();
  la.stride = (la.k + kLanes - 1) / kLanes * kLanes;
  const auto size = static_cast<std::size_t>(la.k * la.stride);
  la.rows.assign(size, kMinusInf);
  la.cols.assign(size, kMinusInf);
  for (Index i = 0; i < la.k; ++i) {
    for (Index j = 0; j < la.k; ++j) {
      la.rows[static_cast<std::size_t>(i * la.stride + j)] = logA(i, j);
      la.cols[static_cast<std::size_t>(j * la.stride + i)] = logA(i, j);
    }
  }
  return la;
}

GENLAB_AVX2 void maxPlusForward(const PaddedLogTransitions& logA, double* delta, Index t_len) {
  for (Index t = 1; t < t_len; ++t) forwardStep(logA, delta + (t - 1) * logA.k, delta + t * logA.k);
}

GENLAB_AVX2 void maxPlusBacktrace(const PaddedLogTransitions& logA, const double* delta,
                                  Index t_len, int* path) {
  const Index k = logA.k;
  for (Index t = t_len - 1; t > 0; --t) {
    if (t > kPrefetchRows) prefetchRow(delta + (t - 1 - kPrefetchRows) * k, k);
    path[t - 1] = argmaxIncoming(logA, delta + (t - 1) * k, path[t]);
  }
}

}  // namespace genlab::hmm::kernels
