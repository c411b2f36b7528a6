#pragma once
// Choosing initial means from the data. X is d x N (one sample per COLUMN, the GMM's internal
// layout); the result is d x K. Both need K <= N and draw only from `rng`.

#include <Eigen/Core>

#include "core/util/rng.h"

namespace genlab::gmm {

// k-means++ seeding (Arthur & Vassilvitskii 2007): the first mean is a uniformly drawn sample,
// each next one a sample drawn with probability proportional to its squared distance to the
// nearest mean chosen so far. When every remaining distance is zero (fewer distinct points than
// K) it falls back to a uniform draw.
Eigen::MatrixXd kmeansPlusPlus(const Eigen::MatrixXd& X, int K, Rng& rng);

// K distinct samples, uniformly without replacement (a partial Fisher-Yates shuffle).
Eigen::MatrixXd randomDataPoints(const Eigen::MatrixXd& X, int K, Rng& rng);

}  // namespace genlab::gmm
