// Compiled with -fopenmp (see core/CMakeLists.txt): the rows are calibrated in parallel.
#define EIGEN_DONT_PARALLELIZE

#include "core/math/tsne_affinities.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "core/util/errors.h"

namespace genlab::math {
namespace {

constexpr double kEntropyTolerance = 1e-10;
constexpr int kMaxBisectionSteps = 200;

// p_j = exp(-beta (d_j - d_min)) / sum; returns the entropy of p.
double fillRow(const double* d, int k, double dMin, double beta, double* p) {
  double sum = 0.0;
  for (int j = 0; j < k; ++j) sum += (p[j] = std::exp(-beta * (d[j] - dMin)));
  double weighted = 0.0;
  for (int j = 0; j < k; ++j) {
    p[j] /= sum;
    weighted += p[j] * (d[j] - dMin);
  }
  // H = -sum p log p = log(sum) + beta * E_p[d - dMin].
  return std::log(sum) + beta * weighted;
}

// Builds the symmetric normalised matrix from conditional rows: row i has candidates
// cols[i*k .. i*k+k) with probabilities cond[...].
SparseAffinities symmetrise(int n, int k, const std::vector<int>& cols,
                            const std::vector<double>& cond) {
  std::vector<std::vector<std::pair<int, double>>> rows(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < k; ++j) {
      const auto at =
          static_cast<std::size_t>(i) * static_cast<std::size_t>(k) + static_cast<std::size_t>(j);
      const int c = cols[at];
      rows[static_cast<std::size_t>(i)].emplace_back(c, cond[at]);
      rows[static_cast<std::size_t>(c)].emplace_back(i, cond[at]);
    }
  }
  SparseAffinities p;
  p.n = n;
  p.rowStart.assign(static_cast<std::size_t>(n) + 1, 0);
  double total = 0.0;
  for (int i = 0; i < n; ++i) {
    auto& row = rows[static_cast<std::size_t>(i)];
    std::sort(row.begin(), row.end());
    for (std::size_t e = 0; e < row.size(); ++e) {
      if (!p.col.empty() &&
          static_cast<int>(p.col.size()) > p.rowStart[static_cast<std::size_t>(i)] &&
          p.col.back() == row[e].first) {
        p.val.back() += row[e].second;  // (i, c) came from both rows i and c
      } else {
        p.col.push_back(row[e].first);
        p.val.push_back(row[e].second);
      }
      total += row[e].second;
    }
    p.rowStart[static_cast<std::size_t>(i) + 1] = static_cast<int>(p.col.size());
    row = {};
  }
  for (double& v : p.val) v /= total;
  return p;
}

void checkPerplexity(int n, double perplexity) {
  if (!(perplexity > 0.0))
    throw ConfigError("t-SNE perplexity: " + std::to_string(perplexity) + " must be positive");
  if (n < 2) throw ConfigError("t-SNE needs at least 2 points, got " + std::to_string(n));
  if (perplexity >= n - 1)
    throw ConfigError("t-SNE perplexity: " + std::to_string(perplexity) +
                      " must be below the number of points less one (" + std::to_string(n - 1) +
                      ")");
}

}  // namespace

double rowEntropy(const double* p, int k) {
  double h = 0.0;
  for (int j = 0; j < k; ++j)
    if (p[j] > 0.0) h -= p[j] * std::log(p[j]);
  return h;
}

double calibrateRow(const double* d, int k, double perplexity, double* p) {
  const double target = std::log(perplexity);
  const double dMin = *std::min_element(d, d + k);
  // Bisection on beta: the entropy falls as beta grows. Unbounded above until a beta with too
  // little entropy is seen, so beta doubles until then.
  double beta = 1.0;
  double lo = 0.0;
  double hi = std::numeric_limits<double>::infinity();
  // Start from a scale that suits the distances: beta * mean spread ~ 1.
  double spread = 0.0;
  for (int j = 0; j < k; ++j) spread += d[j] - dMin;
  if (spread > 0.0) beta = k / spread;
  for (int step = 0; step < kMaxBisectionSteps; ++step) {
    const double h = fillRow(d, k, dMin, beta, p);
    if (std::abs(h - target) <= kEntropyTolerance) break;
    if (h > target) {
      lo = beta;
      beta = std::isinf(hi) ? beta * 2.0 : 0.5 * (beta + hi);
    } else {
      hi = beta;
      beta = 0.5 * (lo + beta);
    }
  }
  return beta;
}

int neighbourCount(int n, double perplexity) {
  return std::min(n - 1, static_cast<int>(3.0 * perplexity + 1.0));
}

SparseAffinities jointAffinitiesKnn(const RowMatrixXd& points, double perplexity, int threads) {
  const auto n = static_cast<int>(points.rows());
  checkPerplexity(n, perplexity);
  const int k = neighbourCount(n, perplexity);
  const KnnGraph graph = nearestNeighbours(points, k, threads);
  std::vector<int> cols(graph.index.data(), graph.index.data() + graph.index.size());
  std::vector<double> cond(static_cast<std::size_t>(n) * static_cast<std::size_t>(k));
  const int team = threads > 0 ? threads : std::max(1, omp_get_num_procs());
#pragma omp parallel for num_threads(team) schedule(static)
  for (int i = 0; i < n; ++i)
    calibrateRow(&graph.sqDistance(i, 0), k, perplexity,
                 cond.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(k));
  return symmetrise(n, k, cols, cond);
}

SparseAffinities jointAffinitiesExact(const RowMatrixXd& points, double perplexity) {
  const auto n = static_cast<int>(points.rows());
  checkPerplexity(n, perplexity);
  const int k = n - 1;
  std::vector<int> cols(static_cast<std::size_t>(n) * static_cast<std::size_t>(k));
  std::vector<double> cond(cols.size());
  std::vector<double> d(static_cast<std::size_t>(k));
  for (int i = 0; i < n; ++i) {
    int j = 0;
    for (int other = 0; other < n; ++other) {
      if (other == i) continue;
      d[static_cast<std::size_t>(j)] = (points.row(i) - points.row(other)).squaredNorm();
      cols[static_cast<std::size_t>(i) * static_cast<std::size_t>(k) +
           static_cast<std::size_t>(j)] = other;
      ++j;
    }
    calibrateRow(d.data(), k, perplexity,
                 cond.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(k));
  }
  return symmetrise(n, k, cols, cond);
}

}  // namespace genlab::math
