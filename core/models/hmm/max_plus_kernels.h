#pragma once
// Viterbi's two max-plus loops written by hand for AVX2: the forward step that turns a row of
// log-emissions into a row of delta, and the back-trace's argmax over one state's incoming
// scores. Used by viterbi() when the CPU has AVX2 (checked once, at run time); otherwise it runs
// the Eigen loops of recursions.h.
//
// Why by hand: the step is delta_t(j) = logB(t, j) + max_i (delta_{t-1}(i) + logA(i, j)). With
// i outer and j inner, a block of columns of row-major log A keeps its running maxima in
// registers for the whole sweep over i (8 vectors of 4 columns), one load, one add and one max
// per 4 candidates, where Eigen's dynamic-size expressions store and reload the running max on
// every i.
//
// Bit-identical to the Eigen loops (viterbiDeltaInPlace, viterbiColumns and the scalar
// back-trace): every candidate is the same single IEEE addition delta_{t-1}(i) + logA(i, j)
// (no product, so nothing for FMA to contract), delta_t(j) adds logB(t, j) to the maximum once,
// a maximum is exact whichever order it is taken in, and the argmax returns the lowest index
// among equal candidates, the tie rule of viterbiColumns. Hence viterbi() and viterbiTrace()
// give equal paths and log-probabilities with or without these kernels. This relies on the
// inputs holding no NaN, which a validated model and checked (finite) observations guarantee:
// their log-probabilities are finite or -inf.

#include <vector>

#include "core/models/hmm/hmm_model.h"

namespace genlab::hmm::kernels {

inline constexpr Index kLanes = 4;  // doubles per AVX2 vector

// True when the CPU has AVX2 and tests have not switched the kernels off.
bool maxPlusKernelsEnabled();
// For tests that compare the two paths, and for benchmarks.
void setMaxPlusKernelsEnabled(bool on);

// log A laid out for the kernels, twice: `rows` holds logA(i, j) at i * stride + j (row i is
// state i's outgoing scores), `cols` holds it at j * stride + i (row j is state j's incoming
// scores, contiguous for the back-trace). stride is k rounded up to a multiple of kLanes; the
// padding is -inf, which never wins a maximum and never ties a real candidate's -inf first.
struct PaddedLogTransitions {
  Index k = 0;
  Index stride = 0;
  std::vector<double> rows;
  std::vector<double> cols;
};

PaddedLogTransitions padLogTransitions(const RowMatrix& logA);

// delta is T x k, row-major. On entry row 0 is delta_0 and rows 1..T-1 hold the log-emissions
// logB(t, .); on return row t holds delta_t for every t. Needs maxPlusKernelsEnabled().
void maxPlusForward(const PaddedLogTransitions& logA, double* delta, Index t_len);

// The back-trace: given path[T-1], sets path[t-1] = argmax_i (delta(t-1, i) + logA(i, path[t]))
// for t = T-1 down to 1, lowest index on ties. Needs maxPlusKernelsEnabled().
void maxPlusBacktrace(const PaddedLogTransitions& logA, const double* delta, Index t_len,
                      int* path);

}  // namespace genlab::hmm::kernels
