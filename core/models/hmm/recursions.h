#pragma once
// Internal: the inner loops of the scaled forward and backward passes and of Viterbi, written
// once as templates over the number of states. K in [2, 8] is instantiated with fixed sizes,
// so Eigen unrolls each step's K x K product into straight-line code; larger K uses dynamic
// sizes, where Eigen's GEMV does the step; K = 16 also gets a fixed-size instantiation, being
// a common teaching size where that measured faster. Only genlab::hmm's own .cpp files include
// this.

#include <Eigen/Core>
#include <limits>
#include <string>
#include <type_traits>

#include "core/models/hmm/hmm_model.h"
#include "core/util/errors.h"

namespace genlab::hmm::detail {

template <class F>
decltype(auto) dispatchStates(Index k, F&& f) {
  switch (k) {
    case 2:
      return f(std::integral_constant<int, 2>{});
    case 3:
      return f(std::integral_constant<int, 3>{});
    case 4:
      return f(std::integral_constant<int, 4>{});
    case 5:
      return f(std::integral_constant<int, 5>{});
    case 6:
      return f(std::integral_constant<int, 6>{});
    case 7:
      return f(std::integral_constant<int, 7>{});
    case 8:
      return f(std::integral_constant<int, 8>{});
    case 16:
      return f(std::integral_constant<int, 16>{});
    default:
      return f(std::integral_constant<int, Eigen::Dynamic>{});
  }
}

template <int K>
using RowOf = Eigen::Matrix<double, 1, K>;
template <int K>
using SquareOf = Eigen::Matrix<double, K, K, Eigen::RowMajor>;

[[noreturn]] inline void throwZeroProbability(Index t) {
  throw NumericError("forward pass: the observations have probability 0 under the model at t=" +
                     std::to_string(t) + " (no state can emit x_t after x_0..x_{t-1})");
}

// Normalised forward table for columns [from, to): alpha.row(t) = P(z_t | x_0..t) and
// scale(t) = c_t = P(x_t | x_0..t-1) / exp(offset_t). Row 0 uses `start`; rows before `from`
// must already be filled. Invariant after the call: every row in [0, to) sums to 1.
template <int K>
void forwardColumns(const HmmModel& model, const RowMatrix& emis, RowMatrix& alpha,
                    Eigen::VectorXd& scale, Index from, Index to) {
  const Index k = model.states();
  const Eigen::Map<const SquareOf<K>> a(model.transition.data(), k, k);
  for (Index t = from; t < to; ++t) {
    Eigen::Map<RowOf<K>> cur(alpha.row(t).data(), k);
    const Eigen::Map<const RowOf<K>> b(emis.row(t).data(), k);
    if (t == 0) {
      cur = model.start.transpose().cwiseProduct(b);
    } else {
      const Eigen::Map<const RowOf<K>> prev(alpha.row(t - 1).data(), k);
      cur.noalias() = prev * a;  // (A^T alpha_{t-1})^T
      cur.array() *= b.array();
    }
    const double c = cur.sum();
    if (!(c > 0.0)) throwZeroProbability(t);
    cur *= 1.0 / c;
    scale(t) = c;
  }
}

// Scaled backward table: beta.row(T-1) = 1 and
//   beta(t, i) = sum_j A(i, j) emis(t+1, j) beta(t+1, j) / c_{t+1},
// so that alpha(t, i) * beta(t, i) = P(z_t = i | x_0..T-1).
template <int K>
void backwardColumns(const HmmModel& model, const RowMatrix& emis, const Eigen::VectorXd& scale,
                     RowMatrix& beta) {
  const Index k = model.states();
  const Index t_len = emis.rows();
  const Eigen::Map<const SquareOf<K>> a(model.transition.data(), k, k);
  beta.row(t_len - 1).setOnes();
  RowOf<K> w = RowOf<K>::Zero(k);
  for (Index t = t_len - 2; t >= 0; --t) {
    const Eigen::Map<const RowOf<K>> next(beta.row(t + 1).data(), k);
    const Eigen::Map<const RowOf<K>> b(emis.row(t + 1).data(), k);
    w = next.cwiseProduct(b) * (1.0 / scale(t + 1));
    Eigen::Map<RowOf<K>> cur(beta.row(t).data(), k);
    cur.noalias() = w * a.transpose();  // (A w)^T
  }
}

// Viterbi in log space over columns [from, to): delta(t, j) = max over paths ending in j of the
// joint log-probability; psi(t, j) = the argmax predecessor (ties go to the lowest index).
template <int K>
void viterbiColumns(const Eigen::VectorXd& logStart, const RowMatrix& logA,
                    const RowMatrix& logEmis, RowMatrix& delta, IndexMatrix& psi, Index from,
                    Index to) {
  const Index k = logA.rows();
  const Eigen::Map<const SquareOf<K>> la(logA.data(), k, k);
  RowOf<K> best = RowOf<K>::Zero(k);
  RowOf<K> cand = RowOf<K>::Zero(k);
  RowOf<K> arg = RowOf<K>::Zero(k);  // kept as doubles so the select below vectorises
  for (Index t = from; t < to; ++t) {
    Eigen::Map<RowOf<K>> cur(delta.row(t).data(), k);
    const Eigen::Map<const RowOf<K>> lb(logEmis.row(t).data(), k);
    if (t == 0) {
      cur = logStart.transpose() + lb;
      psi.row(0).setZero();
      continue;
    }
    const Eigen::Map<const RowOf<K>> prev(delta.row(t - 1).data(), k);
    best = la.row(0).array() + prev(0);
    arg.setZero();
    for (Index i = 1; i < k; ++i) {
      cand = la.row(i).array() + prev(i);
      arg = (cand.array() > best.array()).select(static_cast<double>(i), arg.array()).matrix();
      best = best.cwiseMax(cand);
    }
    cur = best + lb;
    psi.row(t) = arg.template cast<int>();
  }
}

// Viterbi's delta table alone, without back-pointers, so that each step is a vectorised
// running max. The back-pointers on the best path are recovered afterwards by recomputing the
// same sums (bit-identical, hence the same argmax and the same tie rule as viterbiColumns).
// On entry `delta` holds the log-emissions (T x K); they are turned into delta in place,
// which saves a second T x K table and its page faults.
template <int K>
void viterbiDeltaInPlace(const Eigen::VectorXd& logStart, const RowMatrix& logA,
                         Eigen::Ref<RowMatrix> delta) {
  const Index k = logA.rows();
  const Eigen::Map<const SquareOf<K>> la(logA.data(), k, k);
  delta.row(0) += logStart.transpose();
  RowOf<K> best = RowOf<K>::Zero(k);
  for (Index t = 1; t < delta.rows(); ++t) {
    const Eigen::Map<const RowOf<K>> prev(delta.row(t - 1).data(), k);
    best = la.row(0).array() + prev(0);
    for (Index i = 1; i < k; ++i) best = best.cwiseMax((la.row(i).array() + prev(i)).matrix());
    delta.row(t) += best;
  }
}

}  // namespace genlab::hmm::detail
