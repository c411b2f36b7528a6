#include "core/models/hmm/viterbi.h"

#include "core/models/hmm/emissions.h"
#include "core/models/hmm/max_plus_kernels.h"
#include "core/models/hmm/recursions.h"
#include "core/platform/allocator.h"

namespace genlab::hmm {

namespace {

// Sizes `path` to T and ends it in argmax_j delta(T-1, j) (lowest index on ties), returning
// that maximum, log P(x, path).
double endOfPath(const Eigen::Ref<const RowMatrix>& delta, std::vector<int>& path) {
  const Index t_len = delta.rows();
  path.assign(static_cast<std::size_t>(t_len), 0);
  Index best = 0;
  const double logProb = delta.row(t_len - 1).maxCoeff(&best);
  path[t_len - 1] = static_cast<int>(best);
  return logProb;
}

void backtrace(const RowMatrix& delta, const IndexMatrix& psi, std::vector<int>& path,
               double& logProb) {
  logProb = endOfPath(delta, path);
  for (Index t = delta.rows() - 1; t > 0; --t) path[t - 1] = psi(t, path[t]);
}

// path[t-1] = argmax_i (logA(i, path[t]) + delta(t-1, i)) for t = T-1 down to 1, given
// path[T-1]: psi on the path, recomputed from delta with the same sums as viterbiColumns (so the
// same argmax, lowest index on ties) in O(K) a step instead of storing the T x K psi table.
void backtraceRecomputing(const RowMatrix& logA, const Eigen::Ref<const RowMatrix>& delta,
                          std::vector<int>& path) {
  const Index k = logA.rows();
  for (Index t = delta.rows() - 1; t > 0; --t) {
    const int j = path[t];
    int arg = 0;
    double top = logA(0, j) + delta(t - 1, 0);
    for (Index i = 1; i < k; ++i) {
      const double cand = logA(i, j) + delta(t - 1, i);
      if (cand > top) {
        top = cand;
        arg = static_cast<int>(i);
      }
    }
    path[t - 1] = arg;
  }
}

// `delta` holds the log-emissions on entry and delta on return. The two ways below give the
// same bits (max_plus_kernels.h says why); the kernels need AVX2.
void decodeWithKernels(const Eigen::VectorXd& logStart, const RowMatrix& logA,
                       Eigen::Map<RowMatrix> delta, ViterbiResult& result) {
  const kernels::PaddedLogTransitions padded = kernels::padLogTransitions(logA);
  delta.row(0) += logStart.transpose();
  kernels::maxPlusForward(padded, delta.data(), delta.rows());
  result.logProb = endOfPath(delta, result.path);
  kernels::maxPlusBacktrace(padded, delta.data(), delta.rows(), result.path.data());
}

void decodeWithEigen(const Eigen::VectorXd& logStart, const RowMatrix& logA,
                     Eigen::Map<RowMatrix> delta, ViterbiResult& result) {
  detail::dispatchStates(logA.rows(), [&](auto kk) {
    detail::viterbiDeltaInPlace<decltype(kk)::value>(logStart, logA, delta);
  });
  result.logProb = endOfPath(delta, result.path);
  backtraceRecomputing(logA, delta, result.path);
}

}  // namespace

ViterbiTrace viterbiTrace(const HmmModel& model, const Observations& obs) {
  const Index t_len = obs.length();
  const Index k = model.states();
  RowMatrix logB;
  logEmissions(model, obs, logB);
  const RowMatrix logA = model.transition.array().log();
  const Eigen::VectorXd logStart = model.start.array().log();
  ViterbiTrace trace;
  trace.delta.resize(t_len, k);
  trace.psi.resize(t_len, k);
  detail::dispatchStates(k, [&](auto kk) {
    detail::viterbiColumns<decltype(kk)::value>(logStart, logA, logB, trace.delta, trace.psi, 0,
                                                t_len);
  });
  backtrace(trace.delta, trace.psi, trace.path, trace.logProb);
  return trace;
}

ViterbiResult viterbi(const HmmModel& model, const Observations& obs) {
  const Index t_len = obs.length();
  const Index k = model.states();
  const RowMatrix logA = model.transition.array().log();
  const Eigen::VectorXd logStart = model.start.array().log();
  // Only the back-trace reads delta back, so it lives in a huge-page table (allocator.h), the
  // log-emissions turned into delta in place.
  const platform::LargeTable storage =
      platform::allocateLargeTable(static_cast<std::size_t>(t_len * k));
  Eigen::Map<RowMatrix> delta(storage.get(), t_len, k);
  logEmissionsInto(model, obs, delta);
  ViterbiResult result;
  if (kernels::maxPlusKernelsEnabled())
    decodeWithKernels(logStart, logA, delta, result);
  else
    decodeWithEigen(logStart, logA, delta, result);
  return result;
}

}  // namespace genlab::hmm
