#pragma once
// Helpers shared by the GMM tests: known mixtures to draw from and matching up permuted
// components.

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <algorithm>
#include <numeric>
#include <vector>

#include "core/models/gmm/gaussian_mixture.h"
#include "core/util/rng.h"

namespace genlab::gmm::test {

// n points from the mixture (weights, means rows, covariances), drawn independently of the
// model's own code (plain Cholesky factors here).
inline Eigen::MatrixXd drawMixture(const GmmParams& truth, Eigen::Index n, Rng& rng) {
  const Eigen::Index d = truth.means.cols();
  std::vector<double> w(truth.weights.data(), truth.weights.data() + truth.weights.size());
  Eigen::MatrixXd out(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto k = static_cast<Eigen::Index>(rng.categorical(w));
    Eigen::VectorXd z(d);
    for (Eigen::Index j = 0; j < d; ++j) z(j) = rng.normal();
    const Eigen::MatrixXd l = Eigen::LLT<Eigen::MatrixXd>(truth.covariances[k]).matrixL();
    out.row(i) = truth.means.row(k) + (l * z).transpose();
  }
  return out;
}

// perm[j] = the fitted component nearest to true component j (means compared); the test then
// checks it is a permutation.
inline std::vector<int> matchComponents(const Eigen::MatrixXd& trueMeans,
                                        const Eigen::MatrixXd& fittedMeans) {
  std::vector<int> perm;
  for (Eigen::Index j = 0; j < trueMeans.rows(); ++j) {
    Eigen::Index best = 0;
    (fittedMeans.rowwise() - trueMeans.row(j)).rowwise().squaredNorm().minCoeff(&best);
    perm.push_back(static_cast<int>(best));
  }
  return perm;
}

inline bool isPermutation(std::vector<int> perm) {
  std::sort(perm.begin(), perm.end());
  for (std::size_t i = 0; i < perm.size(); ++i) {
    if (perm[i] != static_cast<int>(i)) return false;
  }
  return true;
}

}  // namespace genlab::gmm::test
