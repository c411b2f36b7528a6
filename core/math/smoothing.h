#pragma once
// Smoothing a training curve for display, as TensorBoard's slider does, with two corrections:
//
// - Debiased: a plain exponential moving average starts at 0 (or at the first value) and is
//   pulled towards it for its first ~1/(1-w) points; dividing by the weight accumulated so far
//   (1 - w^n for evenly spaced points) removes that bias, so the smoothed curve starts where
//   the data starts.
// - Uneven spacing: a run that logs every step for a while and every 100th step later (or two
//   runs logged at different rates) must smooth alike over the same span of steps. A gap of g
//   steps decays the average by w^g, as g evenly spaced points would.
//
// Computed on the full series, before any decimation for drawing, so what is drawn does not
// depend on the window's width. Non-finite values are skipped (kept as they are in the output)
// so one NaN does not erase the rest of the curve.

#include <cmath>
#include <cstddef>
#include <vector>

namespace genlab::math {

// `x` ascending (steps or seconds), `y` the values, `weight` in [0, 1): 0 returns y itself.
inline std::vector<double> debiasedEma(const std::vector<double>& x, const std::vector<double>& y,
                                       double weight) {
  std::vector<double> out(y.size());
  if (weight <= 0.0) return y;
  double numerator = 0.0;
  double denominator = 0.0;
  double previousX = 0.0;
  bool started = false;
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (!std::isfinite(y[i])) {
      out[i] = y[i];
      continue;
    }
    // A gap of g decays by w^g (g = 1 for evenly spaced steps); the first point decays the
    // empty start by w, so its own weight is 1 - w and the denominator debiases it.
    const double gap = started ? std::max(x[i] - previousX, 0.0) : 1.0;
    const double decay = std::pow(weight, gap);
    numerator = decay * numerator + (1.0 - decay) * y[i];
    denominator = decay * denominator + (1.0 - decay);
    out[i] = denominator > 0.0 ? numerator / denominator : y[i];
    previousX = x[i];
    started = true;
  }
  return out;
}

}  // namespace genlab::math
