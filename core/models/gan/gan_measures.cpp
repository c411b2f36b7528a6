#include "core/models/gan/gan_measures.h"

#include <algorithm>
#include <cmath>

namespace genlab::gan {

std::vector<double> histogram2d(std::span<const float> xy, const Bounds2d& bounds, int cols,
                                int rows, double epsilon) {
  const std::size_t cells = static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows);
  std::vector<double> p(cells, 0.0);
  const std::size_t n = xy.size() / 2;
  const double sx = cols / (bounds.xMax - bounds.xMin);
  const double sy = rows / (bounds.yMax - bounds.yMin);
  for (std::size_t i = 0; i < n; ++i) {
    const double x = xy[2 * i], y = xy[2 * i + 1];
    if (!std::isfinite(x) || !std::isfinite(y)) continue;
    const int c = std::clamp(static_cast<int>(std::floor((x - bounds.xMin) * sx)), 0, cols - 1);
    const int r = std::clamp(static_cast<int>(std::floor((y - bounds.yMin) * sy)), 0, rows - 1);
    p[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c)] +=
        1.0;
  }
  const double total = n > 0 ? static_cast<double>(n) : 1.0;
  const double norm = 1.0 + static_cast<double>(cells) * epsilon;
  for (double& v : p) v = (v / total + epsilon) / norm;
  return p;
}

double klDivergence(std::span<const double> p, std::span<const double> q) {
  double kl = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] > 0.0) kl += p[i] * std::log(p[i] / q[i]);
  }
  return std::max(0.0, kl);  // rounding may leave -1e-17 for equal inputs
}

double jsDivergence(std::span<const double> p, std::span<const double> q) {
  std::vector<double> m(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) m[i] = 0.5 * (p[i] + q[i]);
  return 0.5 * klDivergence(p, m) + 0.5 * klDivergence(q, m);
}

GridDivergences gridDivergences(std::span<const float> real, std::span<const float> generated,
                                const Bounds2d& bounds, int cells) {
  const auto p = histogram2d(real, bounds, cells, cells);
  const auto q = histogram2d(generated, bounds, cells, cells);
  return {klDivergence(p, q), jsDivergence(p, q)};
}

ModeCoverage modeCoverage(std::span<const float> generated, const Eigen::MatrixXd& modes,
                          double modeStd, double share) {
  ModeCoverage out;
  out.modes = static_cast<int>(modes.rows());
  out.counts.assign(static_cast<std::size_t>(out.modes), 0);
  const std::size_t n = generated.size() / 2;
  if (out.modes == 0 || n == 0) return out;
  if (share <= 0.0) share = 1.0 / (4.0 * out.modes);
  const double radius2 = 9.0 * modeStd * modeStd;
  std::size_t inAny = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = generated[2 * i], y = generated[2 * i + 1];
    for (int k = 0; k < out.modes; ++k) {
      const double dx = x - modes(k, 0), dy = y - modes(k, 1);
      if (dx * dx + dy * dy <= radius2) {
        ++out.counts[static_cast<std::size_t>(k)];
        ++inAny;
        break;  // modes 3 std apart never overlap in the shipped targets; count each sample once
      }
    }
  }
  for (int count : out.counts) {
    if (count >= share * static_cast<double>(n)) ++out.covered;
  }
  out.inModes = static_cast<double>(inAny) / static_cast<double>(n);
  return out;
}

}  // namespace genlab::gan
