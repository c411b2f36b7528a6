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

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace genlab::math {

// The running state, for series that grow (a live run's curve): add() takes the next point
// and returns its smoothed value, so appending costs O(1) per point.
class DebiasedEma {
 public:
  explicit DebiasedEma(double weight) : m_weight(weight) {}

  double add(double x, double y) {
    if (!std::isfinite(y) || m_weight <= 0.0) return y;
    // A gap of g decays by w^g (g = 1 for evenly spaced steps); the first point decays the
    // empty start by w, so its own weight is 1 - w and the denominator debiases it.
    const double gap = m_started ? std::max(x - m_previousX, 0.0) : 1.0;
    const double decay = std::pow(m_weight, gap);
    m_numerator = decay * m_numerator + (1.0 - decay) * y;
    m_denominator = decay * m_denominator + (1.0 - decay);
    m_previousX = x;
    m_started = true;
    return m_denominator > 0.0 ? m_numerator / m_denominator : y;
  }

 private:
  double m_weight;
  double m_numerator = 0.0;
  double m_denominator = 0.0;
  double m_previousX = 0.0;
  bool m_started = false;
};

// `x` ascending (steps or seconds), `y` the values, `weight` in [0, 1): 0 returns y itself.
inline std::vector<double> debiasedEma(const std::vector<double>& x, const std::vector<double>& y,
                                       double weight) {
  DebiasedEma ema(weight);
  std::vector<double> out(y.size());
  for (std::size_t i = 0; i < y.size(); ++i) out[i] = ema.add(x[i], y[i]);
  return out;
}

}  // namespace genlab::math
