#pragma once
// How close the generated distribution is to the real one, in the toy 2-D GAN.
//
// Grid divergences: both samples are binned on the same cols x rows grid over `bounds` (points
// outside are counted in the nearest edge cell, so no sample is lost). Cell probabilities are
// smoothed, p_i = (c_i / N + eps) / (1 + M eps) with M cells and eps = kHistogramEpsilon, so a
// cell one sample leaves empty gives a large but finite KL. Natural logs (nats):
//   KL(P_real || P_gen) = sum_i p_i log(p_i / q_i)
//   JS = KL(P || M) / 2 + KL(Q || M) / 2 with M = (P + Q) / 2, bounded by log 2.
// Identical samples give identical histograms, hence exactly 0 for both.
//
// Mode coverage: a mode (centre c_k, common std s) holds a sample when |x - c_k| <= 3 s; it is
// covered when it holds at least `share` of all generated samples. The default share is a quarter
// of a uniform split, 1 / (4K).

#include <Eigen/Core>
#include <span>
#include <vector>

namespace genlab::gan {

inline constexpr double kHistogramEpsilon = 1e-4;
inline constexpr int kHistogramCells = 50;  // per side, the lab's default

struct Bounds2d {
  double xMin = -3.0, xMax = 3.0, yMin = -3.0, yMax = 3.0;
};

// Smoothed cell probabilities (cols * rows, row-major, row 0 at yMin) of the points xy
// (x0, y0, x1, y1, ...).
std::vector<double> histogram2d(std::span<const float> xy, const Bounds2d& bounds, int cols,
                                int rows, double epsilon = kHistogramEpsilon);

// KL(p || q) in nats; p and q sum to 1, q_i > 0 where p_i > 0. Terms with p_i = 0 add 0.
double klDivergence(std::span<const double> p, std::span<const double> q);
// Jensen-Shannon divergence in nats, in [0, log 2].
double jsDivergence(std::span<const double> p, std::span<const double> q);

struct GridDivergences {
  double kl = 0.0;  // KL(real || generated)
  double js = 0.0;
};
GridDivergences gridDivergences(std::span<const float> real, std::span<const float> generated,
                                const Bounds2d& bounds, int cells = kHistogramCells);

struct ModeCoverage {
  int covered = 0;
  int modes = 0;
  std::vector<int> counts;  // samples within 3 std of each mode
  double inModes = 0.0;     // share of samples within 3 std of some mode ("high quality")
};
// share <= 0 uses 1 / (4K).
ModeCoverage modeCoverage(std::span<const float> generated, const Eigen::MatrixXd& modes,
                          double modeStd, double share = 0.0);

}  // namespace genlab::gan
