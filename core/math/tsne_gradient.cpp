// Compiled with -fopenmp (see core/CMakeLists.txt): points and groups are shared out among
// threads, and `omp simd` lets the force sums vectorise (the order of their additions is fixed
// by the compiled code, so a result does not depend on the thread count or the schedule).
#define EIGEN_DONT_PARALLELIZE

#include "core/math/tsne_gradient.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace genlab::math {
namespace {

constexpr int kLeafCapacity = 8;    // points a quadtree leaf holds
constexpr int kGroupCapacity = 48;  // points that share one tree walk
constexpr int kMaxDepth = 48;       // coincident points stop the splitting here

int teamSize(int threads) {
  return threads > 0 ? threads : std::max(1, omp_get_num_procs());
}

// A quadtree over the embedding with its points sorted so each node's points are contiguous.
class QuadTree {
 public:
  struct Node {
    double comX = 0.0, comY = 0.0;  // centre of mass
    double width2 = 0.0;            // squared side of the cell
    int count = 0;
    int begin = 0, end = 0;  // the node's points: sorted positions [begin, end)
    int firstChild = -1;     // children are contiguous: [firstChild, firstChild + children)
    int children = 0;
  };

  explicit QuadTree(const Embedding& y) {
    const auto n = static_cast<int>(y.rows());
    m_order.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) m_order[static_cast<std::size_t>(i)] = i;
    const double minX = y.col(0).minCoeff(), maxX = y.col(0).maxCoeff();
    const double minY = y.col(1).minCoeff(), maxY = y.col(1).maxCoeff();
    const double half = 0.5 * std::max(maxX - minX, maxY - minY) * (1.0 + 1e-9) + 1e-300;
    m_nodes.reserve(static_cast<std::size_t>(2 * n / kLeafCapacity + 16));
    m_nodes.emplace_back();
    build(y, 0, 0, n, 0.5 * (minX + maxX), 0.5 * (minY + maxY), half, 0);
    m_x.resize(static_cast<std::size_t>(n));
    m_y.resize(static_cast<std::size_t>(n));
    for (int s = 0; s < n; ++s) {
      m_x[static_cast<std::size_t>(s)] = y(m_order[static_cast<std::size_t>(s)], 0);
      m_y[static_cast<std::size_t>(s)] = y(m_order[static_cast<std::size_t>(s)], 1);
    }
  }

  const std::vector<Node>& nodes() const { return m_nodes; }
  int original(int sorted) const { return m_order[static_cast<std::size_t>(sorted)]; }
  const double* x() const { return m_x.data(); }
  const double* y() const { return m_y.data(); }

 private:
  void build(const Embedding& y, int index, int begin, int end, double cx, double cy, double half,
             int depth) {
    Node node;
    node.begin = begin;
    node.end = end;
    node.count = end - begin;
    node.width2 = 4.0 * half * half;
    for (int s = begin; s < end; ++s) {
      node.comX += y(m_order[static_cast<std::size_t>(s)], 0);
      node.comY += y(m_order[static_cast<std::size_t>(s)], 1);
    }
    node.comX /= node.count;
    node.comY /= node.count;
    if (node.count > kLeafCapacity && depth < kMaxDepth) {
      // Split into quadrants: by x, then each half by y.
      const auto first = m_order.begin();
      const auto mid =
          std::partition(first + begin, first + end, [&](int i) { return y(i, 0) < cx; });
      const auto lower = std::partition(first + begin, mid, [&](int i) { return y(i, 1) < cy; });
      const auto upper = std::partition(mid, first + end, [&](int i) { return y(i, 1) < cy; });
      const int bounds[5] = {begin, static_cast<int>(lower - first), static_cast<int>(mid - first),
                             static_cast<int>(upper - first), end};
      const double q = 0.5 * half;
      const double centres[4][2] = {
          {cx - q, cy - q}, {cx - q, cy + q}, {cx + q, cy - q}, {cx + q, cy + q}};
      node.firstChild = static_cast<int>(m_nodes.size());
      for (int c = 0; c < 4; ++c)
        if (bounds[c + 1] > bounds[c]) ++node.children;
      m_nodes.resize(m_nodes.size() + static_cast<std::size_t>(node.children));
      m_nodes[static_cast<std::size_t>(index)] = node;
      int child = node.firstChild;
      for (int c = 0; c < 4; ++c) {
        if (bounds[c + 1] == bounds[c]) continue;
        build(y, child++, bounds[c], bounds[c + 1], centres[c][0], centres[c][1], q, depth + 1);
      }
      return;
    }
    m_nodes[static_cast<std::size_t>(index)] = node;
  }

  std::vector<Node> m_nodes;
  std::vector<int> m_order;      // sorted position -> point index
  std::vector<double> m_x, m_y;  // coordinates in sorted order
};

// Bodies one group of points interacts with: cells (centre of mass, count) and single points.
struct BodyList {
  std::vector<double> x, y, mass;
  void clear() {
    x.clear();
    y.clear();
    mass.clear();
  }
  void add(double bx, double by, double m) {
    x.push_back(bx);
    y.push_back(by);
    mass.push_back(m);
  }
};

// Fills `bodies` for the group of sorted points [begin, end) with bounding box `box`.
void collectBodies(const QuadTree& tree, double theta2, const double box[4], BodyList& bodies,
                   std::vector<int>& stack) {
  const auto& nodes = tree.nodes();
  bodies.clear();
  stack.clear();
  stack.push_back(0);
  while (!stack.empty()) {
    const auto& node = nodes[static_cast<std::size_t>(stack.back())];
    stack.pop_back();
    // Squared distance from the centre of mass to the group's box (0 inside it).
    const double dx = std::max({box[0] - node.comX, 0.0, node.comX - box[2]});
    const double dy = std::max({box[1] - node.comY, 0.0, node.comY - box[3]});
    const double d2 = dx * dx + dy * dy;
    if (node.width2 < theta2 * d2) {
      bodies.add(node.comX, node.comY, node.count);
    } else if (node.firstChild < 0) {
      for (int s = node.begin; s < node.end; ++s) bodies.add(tree.x()[s], tree.y()[s], 1.0);
    } else {
      for (int c = 0; c < node.children; ++c) stack.push_back(node.firstChild + c);
    }
  }
}

// Repulsion on one point from a body list: sum m w^2 (p - b) into f, sum m w into the return.
// Inlined into a plain and an AVX2 copy (4 doubles a lane instead of 2), picked at run time.
__attribute__((always_inline)) inline double repulsionBody(double px, double py, const double* bx,
                                                           const double* by, const double* mass,
                                                           std::size_t count, double& fx,
                                                           double& fy) {
  double z = 0.0, sx = 0.0, sy = 0.0;
#pragma omp simd reduction(+ : z, sx, sy)
  for (std::size_t b = 0; b < count; ++b) {
    const double dx = px - bx[b];
    const double dy = py - by[b];
    const double w = 1.0 / (1.0 + dx * dx + dy * dy);
    const double mw = mass[b] * w;
    z += mw;
    sx += mw * w * dx;
    sy += mw * w * dy;
  }
  fx = sx;
  fy = sy;
  return z;
}

double repulsionPlain(double px, double py, const double* bx, const double* by, const double* mass,
                      std::size_t count, double& fx, double& fy) {
  return repulsionBody(px, py, bx, by, mass, count, fx, fy);
}

// No FMA: contractions would change the rounding between machines with and without it.
__attribute__((target("avx2"))) double repulsionAvx2(double px, double py, const double* bx,
                                                     const double* by, const double* mass,
                                                     std::size_t count, double& fx, double& fy) {
  return repulsionBody(px, py, bx, by, mass, count, fx, fy);
}

const bool g_avx2 = __builtin_cpu_supports("avx2");

double repulsion(double px, double py, const double* bx, const double* by, const double* mass,
                 std::size_t count, double& fx, double& fy) {
  return g_avx2 ? repulsionAvx2(px, py, bx, by, mass, count, fx, fy)
                : repulsionPlain(px, py, bx, by, mass, count, fx, fy);
}

// Row i's attraction sum_j p_ij w_ij (y_i - y_j) over its entries of P (gathers of y_j; the
// division vectorises). Plain and AVX2 copies as for the repulsion.
__attribute__((always_inline)) inline void attractionRowBody(const int* col, const double* val,
                                                             int count, const double* y, double xi,
                                                             double yi, double& fx, double& fy) {
  double sx = 0.0, sy = 0.0;
#pragma omp simd reduction(+ : sx, sy)
  for (int e = 0; e < count; ++e) {
    const std::size_t j = 2 * static_cast<std::size_t>(col[e]);
    const double dx = xi - y[j];
    const double dy = yi - y[j + 1];
    const double pw = val[e] / (1.0 + dx * dx + dy * dy);
    sx += pw * dx;
    sy += pw * dy;
  }
  fx = sx;
  fy = sy;
}

void attractionRowPlain(const int* col, const double* val, int count, const double* y, double xi,
                        double yi, double& fx, double& fy) {
  attractionRowBody(col, val, count, y, xi, yi, fx, fy);
}

__attribute__((target("avx2"))) void attractionRowAvx2(const int* col, const double* val, int count,
                                                       const double* y, double xi, double yi,
                                                       double& fx, double& fy) {
  attractionRowBody(col, val, count, y, xi, yi, fx, fy);
}

// Attraction sum_j a p_ij w_ij (y_i - y_j) into `grad` (overwritten); with computeKl, the
// divergence's parts that do not need Z: returns sum a p log(a p / w) and writes sum a p.
double attraction(const SparseAffinities& p, const Embedding& y, double a, bool computeKl, int team,
                  Embedding& grad, double& massP) {
  const int n = p.n;
  grad.resize(n, 2);
  std::vector<double> klRow(computeKl ? static_cast<std::size_t>(n) : 0);
  std::vector<double> massRow(computeKl ? static_cast<std::size_t>(n) : 0);
#pragma omp parallel for num_threads(team) schedule(static)
  for (int i = 0; i < n; ++i) {
    const int begin = p.rowStart[static_cast<std::size_t>(i)];
    const int count = p.rowStart[static_cast<std::size_t>(i) + 1] - begin;
    const int* col = p.col.data() + begin;
    const double* val = p.val.data() + begin;
    const double xi = y(i, 0), yi = y(i, 1);
    double fx = 0.0, fy = 0.0;
    if (g_avx2)
      attractionRowAvx2(col, val, count, y.data(), xi, yi, fx, fy);
    else
      attractionRowPlain(col, val, count, y.data(), xi, yi, fx, fy);
    grad(i, 0) = a * fx;
    grad(i, 1) = a * fy;
    if (computeKl) {
      double kl = 0.0, mass = 0.0;
      for (int e = 0; e < count; ++e) {
        const int j = col[e];
        const double dx = xi - y(j, 0), dy = yi - y(j, 1);
        const double pij = a * val[e];
        if (pij > 0.0) {
          kl += pij * std::log(pij * (1.0 + dx * dx + dy * dy));
          mass += pij;
        }
      }
      klRow[static_cast<std::size_t>(i)] = kl;
      massRow[static_cast<std::size_t>(i)] = mass;
    }
  }
  double kl = 0.0;
  massP = 0.0;
  for (std::size_t i = 0; i < klRow.size(); ++i) {
    kl += klRow[i];
    massP += massRow[i];
  }
  return kl;
}

// Exact repulsion forces (N x 2) and Z, O(N^2).
double exactRepulsion(const Embedding& y, int team, Embedding& rep) {
  const auto n = static_cast<int>(y.rows());
  const Eigen::VectorXd xs = y.col(0), ys = y.col(1);
  const Eigen::VectorXd ones = Eigen::VectorXd::Ones(n);
  std::vector<double> zRow(static_cast<std::size_t>(n));
  rep.resize(n, 2);
#pragma omp parallel for num_threads(team) schedule(static)
  for (int i = 0; i < n; ++i) {
    double fx = 0.0, fy = 0.0;
    // Includes j = i (w = 1, no force): taken off below.
    const double z = repulsion(xs(i), ys(i), xs.data(), ys.data(), ones.data(),
                               static_cast<std::size_t>(n), fx, fy);
    rep(i, 0) = fx;
    rep(i, 1) = fy;
    zRow[static_cast<std::size_t>(i)] = z - 1.0;
  }
  double z = 0.0;
  for (double v : zRow) z += v;
  return z;
}

// Barnes-Hut repulsion forces (N x 2) and the estimate of Z.
double barnesHutRepulsion(const Embedding& y, double theta, int team, Embedding& rep) {
  const QuadTree tree(y);
  const auto& nodes = tree.nodes();
  // Groups: the highest nodes with at most kGroupCapacity points (or leaves).
  std::vector<int> groups;
  std::vector<int> stack{0};
  while (!stack.empty()) {
    const int index = stack.back();
    stack.pop_back();
    const auto& node = nodes[static_cast<std::size_t>(index)];
    if (node.count <= kGroupCapacity || node.firstChild < 0) {
      groups.push_back(index);
    } else {
      for (int c = 0; c < node.children; ++c) stack.push_back(node.firstChild + c);
    }
  }
  rep.resize(y.rows(), 2);
  std::vector<double> zGroup(groups.size());
  const double theta2 = theta * theta;
#pragma omp parallel num_threads(team)
  {
    BodyList bodies;
    std::vector<int> walk;
#pragma omp for schedule(dynamic, 4)
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const auto& group = nodes[static_cast<std::size_t>(groups[g])];
      double box[4] = {
          std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
          -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
      for (int s = group.begin; s < group.end; ++s) {
        box[0] = std::min(box[0], tree.x()[s]);
        box[1] = std::min(box[1], tree.y()[s]);
        box[2] = std::max(box[2], tree.x()[s]);
        box[3] = std::max(box[3], tree.y()[s]);
      }
      collectBodies(tree, theta2, box, bodies, walk);
      double z = 0.0;
      for (int s = group.begin; s < group.end; ++s) {
        double fx = 0.0, fy = 0.0;
        // The list holds the point itself (w = 1, no force): taken off below.
        z += repulsion(tree.x()[s], tree.y()[s], bodies.x.data(), bodies.y.data(),
                       bodies.mass.data(), bodies.x.size(), fx, fy) -
             1.0;
        rep(tree.original(s), 0) = fx;
        rep(tree.original(s), 1) = fy;
      }
      zGroup[g] = z;
    }
  }
  double z = 0.0;
  for (double v : zGroup) z += v;
  return z;
}

double combine(const SparseAffinities& p, const Embedding& y, const Embedding& rep, double z,
               const GradientOptions& options, int team, Embedding& grad) {
  double massP = 0.0;
  const double partial =
      attraction(p, y, options.exaggeration, options.computeKl, team, grad, massP);
  grad = 4.0 * (grad - rep / z);
  return options.computeKl ? partial + massP * std::log(z)
                           : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

double exactGradient(const SparseAffinities& p, const Embedding& y, Embedding& grad,
                     const GradientOptions& options) {
  const int team = teamSize(options.threads);
  Embedding rep;
  const double z = exactRepulsion(y, team, rep);
  grad.resize(y.rows(), 2);
  return combine(p, y, rep, z, options, team, grad);
}

double barnesHutGradient(const SparseAffinities& p, const Embedding& y, double theta,
                         Embedding& grad, const GradientOptions& options) {
  const int team = teamSize(options.threads);
  Embedding rep;
  const double z = barnesHutRepulsion(y, theta, team, rep);
  grad.resize(y.rows(), 2);
  return combine(p, y, rep, z, options, team, grad);
}

double exactKlDivergence(const SparseAffinities& p, const Embedding& y, int threads) {
  const int team = teamSize(threads);
  Embedding rep, attract;
  const double z = exactRepulsion(y, team, rep);
  double massP = 0.0;
  const double partial = attraction(p, y, 1.0, true, team, attract, massP);
  return partial + massP * std::log(z);
}

}  // namespace genlab::math
