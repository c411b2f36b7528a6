#pragma once
// The level-3 BLAS routines genlab's Eigen models need (GMM kernels, Baum-Welch's expected
// transition counts), called through the Fortran ABI that every BLAS (reference, OpenBLAS,
// BLIS, MKL) exports, so no cblas.h is required. Column-major only.
//
// Why BLAS and not Eigen's products: genlab is built for baseline x86-64 (SSE2), where Eigen's
// GEMM runs at a fraction of what OpenBLAS reaches with its run-time dispatched AVX2/AVX-512
// kernels. Executables load the OpenMP build of OpenBLAS (cmake/blas.cmake), which runs
// single-threaded when called inside an OpenMP parallel region, as the kernels do.

#include <cstddef>

namespace genlab::blas {

// The trailing size_t arguments are the hidden lengths of the character arguments that gfortran
// passes; a BLAS written in Fortran may rely on them, one written in C ignores them.
extern "C" {
void dgemm_(const char* transa, const char* transb, const int* m, const int* n, const int* k,
            const double* alpha, const double* a, const int* lda, const double* b, const int* ldb,
            const double* beta, double* c, const int* ldc, std::size_t transaLength,
            std::size_t transbLength);
void dsyrk_(const char* uplo, const char* trans, const int* n, const int* k, const double* alpha,
            const double* a, const int* lda, const double* beta, double* c, const int* ldc,
            std::size_t uploLength, std::size_t transLength);
}

// C (m x n) = alpha op(A) op(B) + beta C.
inline void gemm(char transa, char transb, int m, int n, int k, double alpha, const double* a,
                 int lda, const double* b, int ldb, double beta, double* c, int ldc) {
  dgemm_(&transa, &transb, &m, &n, &k, &alpha, a, &lda, b, &ldb, &beta, c, &ldc, 1, 1);
}

// Upper triangle of C (n x n) = alpha A A^T + beta C, with A n x k.
inline void syrkUpper(int n, int k, double alpha, const double* a, int lda, double beta, double* c,
                      int ldc) {
  const char uplo = 'U';
  const char trans = 'N';
  dsyrk_(&uplo, &trans, &n, &k, &alpha, a, &lda, &beta, c, &ldc, 1, 1);
}

}  // namespace genlab::blas
