#include "core/models/hmm/viterbi.h"

#include "core/models/hmm/emissions.h"
#include "core/models/hmm/max_plus_kernels.h"
#include "core/models/hmm/recursions.h"
#include "core/platform/allocator.h"

namespace genlab::hmm {

namespace {

void backtrace(const RowMatrix& delta, const IndexMatrix& psi, std::vector<int>& path,
               double& logProb) {
  const Index t_len = delta.rows();
  path.assign(static_cast<std::size_t>(t_len), 0);
  Index best = 0;
  logProb = delta.row(t_len - 1).maxCoeff(&best);
  path[t_len - 1] = static_cast<int>(best);
  for (Index t = t_len - 1; t > 0; --t) path[t - 1] = psi(t, path[t]);
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
  // Only the back-trace reads delta, so it lives in a huge-page table rather than a RowMatrix.
  const platform::LargeTable storage =
      platform::allocateLargeTable(static_cast<std::size_t>(t_len * k));
  Eigen::Map<RowMatrix> delta(storage.get(), t_len, k);
  logEmissionsInto(model, obs, delta);
  const bool vectorised = kernels::maxPlusKernelsEnabled();
  const kernels::PaddedLogTransitions padded =
      vectorised ? kernels::padLogTransitions(logA) : kernels::PaddedLogTransitions{};
  if (vectorised) {
    delta.row(0) += logStart.transpose();
    kernels::maxPlusForward(padded, delta.data(), t_len);
  } else {
    detail::dispatchStates(k, [&](auto kk) {
      detail::viterbiDeltaInPlace<decltype(kk)::value>(logStart, logA, delta);
    });
  }
  ViterbiResult result;
  result.path.assign(static_cast<std::size_t>(t_len), 0);
  Index best = 0;
  result.logProb = delta.row(t_len - 1).maxCoeff(&best);
  result.path[t_len - 1] = static_cast<int>(best);
  if (vectorised)
    kernels::maxPlusBacktrace(padded, delta.data(), t_len, result.path.data());
  else
    backtraceRecomputing(logA, delta, result.path);
  return result;
}

}  // namespace genlab::hmm
