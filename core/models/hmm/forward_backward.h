#pragma once
// Scaled forward-backward (Rabiner 1989, section V.A) and the posteriors built from it.
//
// Scaling: with normalisers c_t, the tables kept are
//   alpha(t, i) = P(z_t = i | x_0..t)                          (each row sums to 1)
//   beta(t, i)  = P(x_t+1..T-1 | z_t = i) / P(x_t+1..T-1 | x_0..t)
// so gamma(t, i) = alpha(t, i) * beta(t, i), and log P(x) = sum_t log c_t + offset_t, where the
// offsets are those of scaledEmissions(). No value underflows for any T.

#include <Eigen/Core>

#include "core/models/hmm/hmm_model.h"
#include "core/models/hmm/observations.h"

namespace genlab::hmm {

struct ForwardBackward {
  RowMatrix emissions;     // T x K, scaled emission probabilities (see scaledEmissions)
  Eigen::VectorXd offset;  // T, log of the emission rescaling per step
  RowMatrix alpha;         // T x K, normalised forward variables
  Eigen::VectorXd scale;   // T, c_t
  RowMatrix beta;          // T x K, scaled backward variables
  double logLikelihood = 0.0;

  Index length() const { return alpha.rows(); }
  // gamma(t, i) = P(z_t = i | x), T x K; each row sums to 1.
  RowMatrix gamma() const { return alpha.cwiseProduct(beta); }
};

// Forward pass only: fills emissions, offset, alpha, scale, logLikelihood (beta left empty).
// Reuses `out`'s storage when the sizes match. Throws NumericError when the observations have
// probability 0 under the model.
void forwardPass(const HmmModel& model, const Observations& obs, ForwardBackward& out);

// Forward and backward passes.
void forwardBackward(const HmmModel& model, const Observations& obs, ForwardBackward& out);
ForwardBackward forwardBackward(const HmmModel& model, const Observations& obs);

// log P(x_0..T-1) by the scaled forward pass.
double logLikelihood(const HmmModel& model, const Observations& obs);

// xi_t(i, j) = P(z_t = i, z_t+1 = j | x) for one t in [0, T-1): the hover readout of the
// trellis. K x K, entries sum to 1.
RowMatrix xiAt(const HmmModel& model, const ForwardBackward& fb, Index t);

// sum_{t=0}^{T-2} xi_t, the expected transition counts Baum-Welch needs. Computed as one GEMM:
//   (alpha[0:T-1]^T * W[1:T]) .* A,   W(t, j) = emissions(t, j) * beta(t, j) / c_t.
RowMatrix xiSum(const HmmModel& model, const ForwardBackward& fb);

}  // namespace genlab::hmm
