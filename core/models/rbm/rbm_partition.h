#pragma once
// The partition function of an RBM, exactly, by enumerating every state of the smaller layer
// and summing the other layer out analytically:
//
//   log Z = logsumexp over v in {0,1}^V of -F(v)     (when V <= H)
//         = logsumexp over h in {0,1}^H of -G(h)     (when H < V)
//
// (F, G: rbm_model.h). 2^min(V, H) terms, each costing max(V, H) softplus evaluations, summed in
// log space (one running maximum per thread, combined at the end), split over threads in blocks
// of states. Feasible up to about 2^20-2^24 states; kMaxExactBits refuses more.

#include <Eigen/Core>

#include "core/models/rbm/rbm_model.h"

namespace genlab::rbm {

inline constexpr int kMaxExactBits = 26;

// Which layer exactLogPartition enumerates.
enum class Enumerate { Smaller, Visible, Hidden };

// Throws ConfigError when the enumerated layer has more than kMaxExactBits units.
// `threads` 0 = all cores. The result does not depend on the thread count beyond rounding.
double exactLogPartition(const Rbm& rbm, Enumerate layer = Enumerate::Smaller, int threads = 0);

// Whether exactLogPartition(rbm) stays within `maxBits` enumerated units.
inline bool exactFeasible(const Rbm& rbm, int maxBits = 20) {
  return std::min(rbm.visible(), rbm.hidden()) <= maxBits;
}

// log p(v) = -F(v) - log Z for each row of `v`.
Eigen::VectorXd logLikelihood(const Rbm& rbm, const Eigen::MatrixXd& v, double logPartition);

}  // namespace genlab::rbm
