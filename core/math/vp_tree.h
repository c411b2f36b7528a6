#pragma once
// Exact k nearest neighbours under the Euclidean distance with a vantage-point tree (Yianilos
// 1993), as bhtsne uses: each node keeps one point and the median distance from it to the points
// below it; a query visits the far side only when the ball of its current k-th distance crosses
// that median. Works in any dimension and needs only the triangle inequality.
//
// The tree stores indices into a row-major N x d matrix that must outlive it.

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace genlab::math {

using RowMatrixXd = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

class VpTree {
 public:
  // `points`: N x d, one point per row. `seed` picks the vantage points (any seed gives the
  // same neighbours; only the speed of queries depends on it).
  explicit VpTree(const RowMatrixXd& points, std::uint64_t seed = 1);

  // The k points nearest to point `query` (itself excluded), nearest first: indices into
  // `neighbours`, squared distances into `sqDistances` (both resized to k). k <= N - 1.
  void nearestToPoint(Eigen::Index query, int k, std::vector<int>& neighbours,
                      std::vector<double>& sqDistances) const;

 private:
  struct Node {
    int point = -1;       // the vantage point
    double radius = 0.0;  // median distance from `point` to the points below
    int inside = -1;      // subtree of points within `radius` (node index, -1: none)
    int outside = -1;     // subtree of points beyond it
  };
  int build(int begin, int end, std::uint64_t& state);
  double distance(Eigen::Index a, Eigen::Index b) const;

  const RowMatrixXd& m_points;
  std::vector<int> m_order;  // point indices, permuted by the build
  std::vector<Node> m_nodes;
  int m_root = -1;
};

// The k nearest neighbours of every row of `points` (itself excluded), nearest first, as N x k
// index and squared-distance matrices, on `threads` OpenMP threads (0: all cores). kAuto uses
// the VP tree up to 12 dimensions and blocks of one matrix product beyond (both exact; the tree
// loses its advantage as the dimension grows).
struct KnnGraph {
  Eigen::Matrix<int, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> index;
  RowMatrixXd sqDistance;
};
enum class NeighbourSearch { kAuto, kVpTree, kBruteForce };
KnnGraph nearestNeighbours(const RowMatrixXd& points, int k, int threads = 0,
                           NeighbourSearch search = NeighbourSearch::kAuto);

}  // namespace genlab::math
