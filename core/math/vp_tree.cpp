// Compiled with -fopenmp (see core/CMakeLists.txt) for the parallel queries only.
#define EIGEN_DONT_PARALLELIZE

#include "core/math/vp_tree.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <stdexcept>
#include <string>
#include <utility>

namespace genlab::math {
namespace {

// splitmix64: a cheap, seedable choice of vantage points.
std::uint64_t nextRandom(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// The k best so far: a max-heap on distance, so its top is the k-th distance (tau).
using Candidate = std::pair<double, int>;
using Heap = std::priority_queue<Candidate>;

}  // namespace

VpTree::VpTree(const RowMatrixXd& points, std::uint64_t seed) : m_points(points) {
  const auto n = static_cast<int>(points.rows());
  m_order.resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) m_order[static_cast<std::size_t>(i)] = i;
  m_nodes.reserve(static_cast<std::size_t>(n));
  std::uint64_t state = seed;
  m_root = build(0, n, state);
}

double VpTree::distance(Eigen::Index a, Eigen::Index b) const {
  return (m_points.row(a) - m_points.row(b)).norm();
}

// Builds the subtree of m_order[begin, end): the vantage point is swapped to `begin`, the rest
// split at the median distance to it, nearer half first.
int VpTree::build(int begin, int end, std::uint64_t& state) {
  if (begin >= end) return -1;
  const int nodeIndex = static_cast<int>(m_nodes.size());
  m_nodes.emplace_back();
  const auto pick =
      begin + static_cast<int>(nextRandom(state) % static_cast<std::uint64_t>(end - begin));
  std::swap(m_order[static_cast<std::size_t>(begin)], m_order[static_cast<std::size_t>(pick)]);
  const int vantage = m_order[static_cast<std::size_t>(begin)];
  Node node;
  node.point = vantage;
  if (end - begin > 1) {
    // Distances computed once per level (not once per comparison) and split at the median.
    std::vector<std::pair<double, int>> byDistance;
    byDistance.reserve(static_cast<std::size_t>(end - begin - 1));
    for (int i = begin + 1; i < end; ++i) {
      const int point = m_order[static_cast<std::size_t>(i)];
      byDistance.emplace_back(distance(vantage, point), point);
    }
    const auto half = static_cast<std::ptrdiff_t>(byDistance.size() / 2);
    std::nth_element(byDistance.begin(), byDistance.begin() + half, byDistance.end());
    for (std::size_t i = 0; i < byDistance.size(); ++i)
      m_order[static_cast<std::size_t>(begin + 1) + i] = byDistance[i].second;
    const int median = begin + 1 + static_cast<int>(half);
    node.radius = byDistance[static_cast<std::size_t>(half)].first;
    node.inside = build(begin + 1, median, state);
    node.outside = build(median, end, state);
  }
  m_nodes[static_cast<std::size_t>(nodeIndex)] = node;
  return nodeIndex;
}

void VpTree::nearestToPoint(Eigen::Index query, int k, std::vector<int>& neighbours,
                            std::vector<double>& sqDistances) const {
  if (k < 0 || k >= m_points.rows())
    throw std::invalid_argument("VpTree: k = " + std::to_string(k) +
                                " needs at least k + 1 points");
  Heap heap;
  double tau = std::numeric_limits<double>::infinity();
  // Depth-first, nearer side first; the stack holds nodes still to visit.
  std::vector<int> stack;
  stack.reserve(64);
  if (m_root >= 0) stack.push_back(m_root);
  while (!stack.empty()) {
    const Node& node = m_nodes[static_cast<std::size_t>(stack.back())];
    stack.pop_back();
    const double dist = distance(query, node.point);
    if (node.point != query && dist < tau) {
      heap.emplace(dist, node.point);
      if (static_cast<int>(heap.size()) > k) heap.pop();
      if (static_cast<int>(heap.size()) == k) tau = heap.top().first;
    }
    // Pushed last = visited first: the side the query lies on.
    if (dist < node.radius) {
      if (node.outside >= 0 && dist + tau >= node.radius) stack.push_back(node.outside);
      if (node.inside >= 0 && dist - tau <= node.radius) stack.push_back(node.inside);
    } else {
      if (node.inside >= 0 && dist - tau <= node.radius) stack.push_back(node.inside);
      if (node.outside >= 0 && dist + tau >= node.radius) stack.push_back(node.outside);
    }
  }
  neighbours.resize(static_cast<std::size_t>(k));
  sqDistances.resize(static_cast<std::size_t>(k));
  for (int r = k - 1; r >= 0; --r) {
    neighbours[static_cast<std::size_t>(r)] = heap.top().second;
    sqDistances[static_cast<std::size_t>(r)] = heap.top().first * heap.top().first;
    heap.pop();
  }
}

namespace {

// Above this dimension the brute force below is faster than the tree: at 50-D a VP-tree query
// still measures its distance to a large part of the points, one scalar distance at a time,
// while the brute force gets them all from one matrix product (10,000 points in 50-D: 1.8 s of
// tree queries against 0.3 s).
constexpr Eigen::Index kTreeMaxDim = 12;
constexpr Eigen::Index kBlockRows = 256;

// Exact kNN by blocks of rows: |x_i - x_j|^2 = |x_i|^2 + |x_j|^2 - 2 x_i.x_j for all j by a
// product, the k smallest selected, and their distances recomputed directly (the expanded form
// loses digits for near points; the selection it makes can differ only among distances equal
// to about 1e-12 of |x|^2).
void bruteForce(const RowMatrixXd& points, int k, int team, KnnGraph& graph) {
  const Eigen::Index n = points.rows();
  const Eigen::VectorXd norms = points.rowwise().squaredNorm();
  const Eigen::Index blocks = (n + kBlockRows - 1) / kBlockRows;
#pragma omp parallel num_threads(team)
  {
    Eigen::MatrixXd d;
    std::vector<std::pair<double, int>> row(static_cast<std::size_t>(n));
#pragma omp for schedule(dynamic, 1)
    for (Eigen::Index b = 0; b < blocks; ++b) {
      const Eigen::Index first = b * kBlockRows;
      const Eigen::Index rows = std::min(kBlockRows, n - first);
      // n x rows: column r holds the distances of point first + r to every point.
      d.noalias() = points * points.middleRows(first, rows).transpose();
      for (Eigen::Index r = 0; r < rows; ++r) {
        const Eigen::Index i = first + r;
        for (Eigen::Index j = 0; j < n; ++j)
          row[static_cast<std::size_t>(j)] = {norms(j) + norms(i) - 2.0 * d(j, r),
                                              static_cast<int>(j)};
        row[static_cast<std::size_t>(i)].first = std::numeric_limits<double>::infinity();
        std::nth_element(row.begin(), row.begin() + k, row.end());
        for (int c = 0; c < k; ++c) {
          const int j = row[static_cast<std::size_t>(c)].second;
          row[static_cast<std::size_t>(c)].first = (points.row(i) - points.row(j)).squaredNorm();
        }
        std::sort(row.begin(), row.begin() + k);
        for (int c = 0; c < k; ++c) {
          graph.index(i, c) = row[static_cast<std::size_t>(c)].second;
          graph.sqDistance(i, c) = row[static_cast<std::size_t>(c)].first;
        }
      }
    }
  }
}

}  // namespace

KnnGraph nearestNeighbours(const RowMatrixXd& points, int k, int threads, NeighbourSearch search) {
  const Eigen::Index n = points.rows();
  if (k < 1 || k >= n)
    throw std::invalid_argument("nearestNeighbours: k = " + std::to_string(k) + " with " +
                                std::to_string(n) + " points");
  KnnGraph graph;
  graph.index.resize(n, k);
  graph.sqDistance.resize(n, k);
  const int team = threads > 0 ? threads : std::max(1, omp_get_num_procs());
  if (search == NeighbourSearch::kBruteForce ||
      (search == NeighbourSearch::kAuto && points.cols() > kTreeMaxDim)) {
    bruteForce(points, k, team, graph);
    return graph;
  }
  const VpTree tree(points);
#pragma omp parallel num_threads(team)
  {
    std::vector<int> neighbours;
    std::vector<double> sq;
#pragma omp for schedule(dynamic, 64)
    for (Eigen::Index i = 0; i < n; ++i) {
      tree.nearestToPoint(i, k, neighbours, sq);
      for (int j = 0; j < k; ++j) {
        graph.index(i, j) = neighbours[static_cast<std::size_t>(j)];
        graph.sqDistance(i, j) = sq[static_cast<std::size_t>(j)];
      }
    }
  }
  return graph;
}

}  // namespace genlab::math
