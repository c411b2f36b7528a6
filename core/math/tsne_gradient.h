#pragma once
// The output side of t-SNE: the gradient of C = KL(P || Q) with respect to the 2-D embedding,
// with q_ij = w_ij / Z, w_ij = 1 / (1 + |y_i - y_j|^2), Z = sum_{k != l} w_kl:
//
//   dC/dy_i = 4 (sum_j p_ij w_ij (y_i - y_j)  -  sum_j w_ij^2 (y_i - y_j) / Z)
//             (attraction, sparse in P)          (repulsion, all pairs)
//
// P may be scaled by an exaggeration factor a (early exaggeration): p_ij becomes a p_ij in both
// the gradient and the reported divergence, as scikit-learn does.
//
// Barnes-Hut (van der Maaten 2014) approximates the repulsion with a quadtree: a cell of
// width w whose centre of mass lies at distance d from a point is taken as one body of its
// `count` points when w^2 < theta^2 d^2. The tree walk here is shared by a group of nearby
// points (Barnes 1990): a cell is summarised for the whole group only when the criterion holds
// at the group's nearest bounding-box point, so it holds for every point in the group (each
// point's approximation is at least as accurate as in the per-point walk), and the group's
// points then sweep one flat list of bodies in a loop the compiler vectorises. theta = 0 opens
// every cell: the exact repulsion.

#include <Eigen/Core>

#include "core/math/tsne_affinities.h"

namespace genlab::math {

// N x 2, one point per row.
using Embedding = Eigen::Matrix<double, Eigen::Dynamic, 2, Eigen::RowMajor>;

struct GradientOptions {
  double exaggeration = 1.0;
  bool computeKl = false;  // also return the divergence (costs one log per entry of P)
  int threads = 0;         // OpenMP threads, 0: all cores
};

// Exact gradient in O(N^2); returns the KL divergence (NaN unless options.computeKl).
double exactGradient(const SparseAffinities& p, const Embedding& y, Embedding& grad,
                     const GradientOptions& options = {});

// Barnes-Hut gradient; returns the KL divergence with the Barnes-Hut estimate of Z (what
// scikit-learn reports for its Barnes-Hut method), NaN unless options.computeKl.
double barnesHutGradient(const SparseAffinities& p, const Embedding& y, double theta,
                         Embedding& grad, const GradientOptions& options = {});

// KL(P || Q) with the exact Z (all N (N-1) pairs), for judging any embedding honestly.
double exactKlDivergence(const SparseAffinities& p, const Embedding& y, int threads = 0);

}  // namespace genlab::math
