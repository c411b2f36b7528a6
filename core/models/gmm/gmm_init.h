#pragma once
// Choosing a Gaussian mixture's start from the data, as scikit-learn does (sklearn/cluster/
// _kmeans.py and sklearn/mixture/_base.py, version 1.2). X is d x N (one sample per COLUMN, the
// GMM's internal layout); means and centres are d x K. Everything random draws only from `rng`.

#include <Eigen/Core>
#include <vector>

#include "core/util/rng.h"

namespace genlab::gmm {

// Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, in scikit-learn's greedy form): the
// first centre is a uniformly drawn sample; each next one is the best of 2 + floor(ln K)
// candidates drawn with probability proportional to their squared distance to the nearest
// centre so far, "best" meaning the one that leaves the smallest sum of those distances. When
// every distance is zero (fewer distinct points than K) the candidates are drawn uniformly.
// Needs 1 <= K <= N.
Eigen::MatrixXd kmeansPlusPlus(const Eigen::MatrixXd& X, int K, Rng& rng);

// K distinct samples, uniformly without replacement (a partial Fisher-Yates shuffle).
Eigen::MatrixXd randomDataPoints(const Eigen::MatrixXd& X, int K, Rng& rng);

// For each sample, the index of its nearest centre (the lowest index on a tie) and, when
// `squaredDistance` is given, the squared distance to it.
std::vector<int> nearestCentre(const Eigen::MatrixXd& X, const Eigen::MatrixXd& centres,
                               Eigen::VectorXd* squaredDistance = nullptr);

struct KMeansResult {
  Eigen::MatrixXd centres;          // d x K
  std::vector<int> labels;          // N: the nearest of `centres` for every sample
  Eigen::VectorXd squaredDistance;  // N: each sample's squared distance to its centre
  int iterations = 0;               // Lloyd iterations run
};

// Lloyd's k-means from the given centres, with scikit-learn's stopping rule: it stops when no
// label changed, or when the sum of squared centre moves is at most relTol times the mean
// per-feature variance of X, or after maxIter iterations. A centre left with no samples moves
// to the sample farthest from its own centre, as scikit-learn relocates empty clusters. On
// return the labels are those of the returned centres.
KMeansResult lloydKMeans(const Eigen::MatrixXd& X, Eigen::MatrixXd centres, int maxIter = 300,
                         double relTol = 1e-4);

}  // namespace genlab::gmm
