#pragma once
// The input side of t-SNE: the joint probabilities P over pairs of points.
//
// p_{j|i} = exp(-beta_i |x_i - x_j|^2) / sum_k exp(-beta_i |x_i - x_k|^2) over i's candidate
// neighbours, beta_i chosen by bisection so the row's perplexity exp(H_i) (H in nats) is the
// target; then P = (P_cond + P_cond^T) / (2 N), symmetric, summing to 1 over ordered pairs.
// Barnes-Hut t-SNE takes as candidates the k = floor(3 * perplexity + 1) nearest neighbours (as
// scikit-learn does); the exact method takes every other point.

#include <Eigen/Core>
#include <vector>

#include "core/math/vp_tree.h"

namespace genlab::math {

// A sparse symmetric matrix by rows: row i's entries are col/val[rowStart[i], rowStart[i+1]),
// columns ascending, no diagonal.
struct SparseAffinities {
  int n = 0;
  std::vector<int> rowStart;  // n + 1
  std::vector<int> col;
  std::vector<double> val;
  std::size_t nonZeros() const { return val.size(); }
};

// Calibrates one row: `sqDistances` (k entries) -> `p` (k entries, summing to 1) whose entropy
// is log(perplexity) to within 1e-10 nats, unless no precision reaches it (all distances equal:
// then p is uniform). Returns the precision beta found (relative to distances shifted by their
// minimum, which leaves p unchanged).
double calibrateRow(const double* sqDistances, int k, double perplexity, double* p);

// Entropy in nats of a probability row (terms with p = 0 count 0).
double rowEntropy(const double* p, int k);

// Symmetrised joint P from the k-nearest-neighbour graph (Barnes-Hut t-SNE).
SparseAffinities jointAffinitiesKnn(const RowMatrixXd& points, double perplexity, int threads = 0);
// Symmetrised joint P over all pairs, every row calibrated against all other points (exact
// t-SNE, O(N^2): for small N).
SparseAffinities jointAffinitiesExact(const RowMatrixXd& points, double perplexity);
// The number of neighbours Barnes-Hut t-SNE calibrates against: min(N - 1, floor(3 p + 1)).
int neighbourCount(int n, double perplexity);

}  // namespace genlab::math
