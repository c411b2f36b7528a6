#include "core/models/gmm/gmm_init.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace genlab::gmm {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

VectorXd squaredDistancesTo(const MatrixXd& X, const Eigen::Ref<const VectorXd>& point) {
  return (X.colwise() - point).colwise().squaredNorm().transpose();
}

// The first index whose running sum reaches `target` (numpy's searchsorted on the cumulative
// sum), clipped to the last index.
Index searchCumulative(const VectorXd& cumulative, double target) {
  const auto* begin = cumulative.data();
  const auto* end = begin + cumulative.size();
  const auto index = static_cast<Index>(std::lower_bound(begin, end, target) - begin);
  return std::min(index, cumulative.size() - 1);
}

}  // namespace

MatrixXd kmeansPlusPlus(const MatrixXd& X, int K, Rng& rng) {
  const Index N = X.cols();
  const int trials = 2 + static_cast<int>(std::log(static_cast<double>(K)));
  MatrixXd centres(X.rows(), K);
  centres.col(0) = X.col(static_cast<Index>(rng.below(static_cast<std::uint64_t>(N))));
  // Invariant: closest(n) = min over chosen centres c of |x_n - c|^2; potential = its sum.
  VectorXd closest = squaredDistancesTo(X, centres.col(0));
  double potential = closest.sum();
  VectorXd cumulative(N);
  for (int k = 1; k < K; ++k) {
    std::partial_sum(closest.data(), closest.data() + N, cumulative.data());
    Index bestSample = 0;
    VectorXd bestClosest;
    double bestPotential = 0.0;
    for (int trial = 0; trial < trials; ++trial) {
      const Index candidate = potential > 0.0
                                  ? searchCumulative(cumulative, rng.uniform() * potential)
                                  : static_cast<Index>(rng.below(static_cast<std::uint64_t>(N)));
      VectorXd withCandidate = closest.cwiseMin(squaredDistancesTo(X, X.col(candidate)));
      const double candidatePotential = withCandidate.sum();
      if (trial == 0 || candidatePotential < bestPotential) {
        bestSample = candidate;
        bestPotential = candidatePotential;
        bestClosest = std::move(withCandidate);
      }
    }
    centres.col(k) = X.col(bestSample);
    closest = std::move(bestClosest);
    potential = bestPotential;
  }
  return centres;
}

MatrixXd randomDataPoints(const MatrixXd& X, int K, Rng& rng) {
  const Index N = X.cols();
  std::vector<Index> order(static_cast<std::size_t>(N));
  std::iota(order.begin(), order.end(), Index{0});
  MatrixXd means(X.rows(), K);
  for (int k = 0; k < K; ++k) {
    const auto pick = static_cast<std::size_t>(k) +
                      static_cast<std::size_t>(rng.below(static_cast<std::uint64_t>(N - k)));
    std::swap(order[static_cast<std::size_t>(k)], order[pick]);
    means.col(k) = X.col(order[static_cast<std::size_t>(k)]);
  }
  return means;
}

std::vector<int> nearestCentre(const MatrixXd& X, const MatrixXd& centres,
                               VectorXd* squaredDistance) {
  const Index N = X.cols();
  // |x - c|^2 = |x|^2 - 2 c.x + |c|^2; the argmin needs only the last two terms, which one GEMM
  // per block of samples gives for every centre at once.
  const VectorXd centreNorms = centres.colwise().squaredNorm().transpose();
  std::vector<int> labels(static_cast<std::size_t>(N));
  if (squaredDistance != nullptr) squaredDistance->resize(N);
  constexpr Index kBlock = 4096;
  MatrixXd scores;
  for (Index from = 0; from < N; from += kBlock) {
    const Index count = std::min(kBlock, N - from);
    scores.noalias() = -2.0 * centres.transpose() * X.middleCols(from, count);
    scores.colwise() += centreNorms;
    for (Index n = 0; n < count; ++n) {
      Index best = 0;
      const double score = scores.col(n).minCoeff(&best);
      labels[static_cast<std::size_t>(from + n)] = static_cast<int>(best);
      if (squaredDistance != nullptr) {
        (*squaredDistance)(from + n) = std::max(0.0, score + X.col(from + n).squaredNorm());
      }
    }
  }
  return labels;
}

KMeansResult lloydKMeans(const MatrixXd& X, MatrixXd centres, int maxIter, double relTol) {
  const Index N = X.cols();
  const Index K = centres.cols();
  const VectorXd featureMeans = X.rowwise().mean();
  const double meanVariance =
      (X.colwise() - featureMeans).rowwise().squaredNorm().mean() / static_cast<double>(N);
  const double tol = relTol * meanVariance;

  KMeansResult result;
  std::vector<int> previous;
  bool labelsSettled = false;
  VectorXd distance;
  MatrixXd sums(X.rows(), K);
  VectorXd counts(K);
  for (int iteration = 0; iteration < maxIter; ++iteration) {
    result.labels = nearestCentre(X, centres, &distance);
    sums.setZero();
    counts.setZero();
    for (Index n = 0; n < N; ++n) {
      const int k = result.labels[static_cast<std::size_t>(n)];
      sums.col(k) += X.col(n);
      counts(k) += 1.0;
    }
    // Empty clusters take the samples farthest from their centres, farthest first.
    std::vector<Index> empty;
    for (Index k = 0; k < K; ++k) {
      if (counts(k) == 0.0) empty.push_back(k);
    }
    if (!empty.empty()) {
      std::vector<Index> order(static_cast<std::size_t>(N));
      std::iota(order.begin(), order.end(), Index{0});
      const auto take =
          static_cast<std::ptrdiff_t>(std::min<std::size_t>(empty.size(), order.size()));
      std::partial_sort(order.begin(), order.begin() + take, order.end(), [&](Index a, Index b) {
        return distance(a) > distance(b) || (distance(a) == distance(b) && a < b);
      });
      for (std::ptrdiff_t i = 0; i < take; ++i) {
        const Index sample = order[static_cast<std::size_t>(i)];
        const Index from = result.labels[static_cast<std::size_t>(sample)];
        const Index to = empty[static_cast<std::size_t>(i)];
        sums.col(from) -= X.col(sample);
        counts(from) -= 1.0;
        sums.col(to) = X.col(sample);
        counts(to) = 1.0;
      }
    }
    MatrixXd updated = centres;
    for (Index k = 0; k < K; ++k) {
      if (counts(k) > 0.0) updated.col(k) = sums.col(k) / counts(k);
    }
    ++result.iterations;
    const double shift = (updated - centres).squaredNorm();
    centres = std::move(updated);
    if (result.labels == previous) {
      labelsSettled = true;
      break;
    }
    if (shift <= tol) break;
    previous = result.labels;
  }
  // Unless the labels stopped changing, they belong to the centres before the last update.
  if (!labelsSettled) result.labels = nearestCentre(X, centres, &distance);
  result.centres = std::move(centres);
  result.squaredDistance = std::move(distance);
  return result;
}

}  // namespace genlab::gmm
