#pragma once
// Internal: the one BLAS routine Baum-Welch uses, through the Fortran ABI every BLAS exports
// (genlab_core links BLAS; executables load OpenBLAS, see cmake/blas.cmake). The same
// declaration as core/models/gmm/blas.h; identical extern "C" declarations may coexist.
//
// Why BLAS here: genlab builds for baseline x86-64 (SSE2), where Eigen's GEMM is several times
// slower than OpenBLAS's run-time dispatched AVX2/AVX-512 kernels, and the expected transition
// counts are a K x T by T x K product, the largest single cost of an iteration at K = 64.

#include <cstddef>

namespace genlab::hmm::blas {

extern "C" {
void dgemm_(const char* transa, const char* transb, const int* m, const int* n, const int* k,
            const double* alpha, const double* a, const int* lda, const double* b, const int* ldb,
            const double* beta, double* c, const int* ldc, std::size_t transaLength,
            std::size_t transbLength);
}

// Column-major C (m x n) = alpha op(A) op(B) + beta C.
inline void gemm(char transa, char transb, int m, int n, int k, double alpha, const double* a,
                 int lda, const double* b, int ldb, double beta, double* c, int ldc) {
  dgemm_(&transa, &transb, &m, &n, &k, &alpha, a, &lda, b, &ldb, &beta, c, &ldc, 1, 1);
}

}  // namespace genlab::hmm::blas
