#pragma once
// A hidden Markov model with K hidden states and either categorical (discrete) or diagonal
// Gaussian emissions. Orientation, used everywhere in genlab::hmm:
//   start(i)          = P(z_0 = i)                         (K)
//   transition(i, j)  = P(z_{t+1} = j | z_t = i)           (K x K, each row sums to 1)
//   emissionProbs(i, m) = P(x_t = m | z_t = i)             (K x M, discrete only)
//   means(i, c), variances(i, c): component c of state i   (K x d, Gaussian only)
// Tables indexed by time (alpha, gamma, delta, ...) are T x K, one row per time step, row-major
// so that the row for one t is contiguous.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace genlab::hmm {

using Index = Eigen::Index;
using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using IndexMatrix = Eigen::Matrix<int, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

enum class EmissionKind { Discrete, Gaussian };

const char* emissionName(EmissionKind kind);

struct HmmModel {
  EmissionKind emission = EmissionKind::Discrete;
  Eigen::VectorXd start;
  RowMatrix transition;
  RowMatrix emissionProbs;  // discrete: K x M
  RowMatrix means;          // Gaussian: K x d
  RowMatrix variances;      // Gaussian: K x d, every entry > 0
  // Optional names of the discrete symbols (alphabet[m] is symbol m); empty when the symbols
  // are plain integer ids. Kept so that decoding maps tokens to the same ids fitting did.
  std::vector<std::string> alphabet;

  Index states() const { return start.size(); }
  Index symbols() const { return emissionProbs.cols(); }  // discrete only
  Index dim() const { return means.cols(); }              // Gaussian only
  bool isDiscrete() const { return emission == EmissionKind::Discrete; }
};

// Throws ConfigError "model.<key>: ..." naming the key and row when shapes disagree, a
// probability is negative or not finite, a row does not sum to 1 within `tol`, or a variance
// is not positive. `prefix` is prepended to key names ("model" by default).
void validate(const HmmModel& model, double tol = 1e-6, const std::string& prefix = "model");

// Rescales each row (and `start`) to sum to exactly 1; used after an edit and after the M-step.
void renormalise(HmmModel& model);

}  // namespace genlab::hmm
