#include "core/models/gmm/gmm_init.h"

#include <numeric>
#include <vector>

namespace genlab::gmm {

using Eigen::Index;

Eigen::MatrixXd kmeansPlusPlus(const Eigen::MatrixXd& X, int K, Rng& rng) {
  const Index N = X.cols();
  Eigen::MatrixXd means(X.rows(), K);
  means.col(0) = X.col(static_cast<Index>(rng.below(static_cast<std::uint64_t>(N))));
  // Invariant: nearest(n) = min over chosen means m of |x_n - m|^2.
  Eigen::VectorXd nearest = (X.colwise() - means.col(0)).colwise().squaredNorm().transpose();
  for (int k = 1; k < K; ++k) {
    Index pick = 0;
    if (nearest.sum() > 0.0) {
      pick = static_cast<Index>(rng.categorical(nearest));
    } else {
      pick = static_cast<Index>(rng.below(static_cast<std::uint64_t>(N)));
    }
    means.col(k) = X.col(pick);
    nearest = nearest.cwiseMin((X.colwise() - means.col(k)).colwise().squaredNorm().transpose());
  }
  return means;
}

Eigen::MatrixXd randomDataPoints(const Eigen::MatrixXd& X, int K, Rng& rng) {
  const Index N = X.cols();
  std::vector<Index> order(static_cast<std::size_t>(N));
  std::iota(order.begin(), order.end(), Index{0});
  Eigen::MatrixXd means(X.rows(), K);
  for (int k = 0; k < K; ++k) {
    const auto pick = static_cast<std::size_t>(k) +
                      static_cast<std::size_t>(rng.below(static_cast<std::uint64_t>(N - k)));
    std::swap(order[static_cast<std::size_t>(k)], order[pick]);
    means.col(k) = X.col(order[static_cast<std::size_t>(k)]);
  }
  return means;
}

}  // namespace genlab::gmm
