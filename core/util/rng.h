#pragma once
// The one source of randomness in genlab. Every model and data generator draws from an Rng that
// its session owns, so the same seed replays the same run bit for bit.
//
// Why not std::normal_distribution: the standard fixes mt19937_64's output but leaves the
// distributions to the library, so a run recorded with one libstdc++ could replay differently
// with another. The distributions here are written out and therefore fixed.

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <numbers>
#include <random>
#include <sstream>
#include <string>

namespace genlab {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 0) : m_engine(seed) {}

  void reseed(std::uint64_t seed) {
    m_engine.seed(seed);
    m_hasSpareNormal = false;
  }

  std::uint64_t nextU64() { return m_engine(); }

  // The whole generator state as text (the engine's standard text form, then the spare normal
  // in hexadecimal floating point), so a checkpoint resumes the exact stream.
  std::string state() const {
    std::ostringstream out;
    out << m_engine << ' ' << (m_hasSpareNormal ? 1 : 0) << ' ' << std::hexfloat << m_spareNormal;
    return out.str();
  }

  // Restores state(); returns false (and leaves the generator unchanged) on malformed text.
  bool setState(const std::string& text) {
    std::istringstream in(text);
    std::mt19937_64 engine;
    int hasSpare = 0;
    std::string spareText;
    if (!(in >> engine >> hasSpare >> spareText) || (hasSpare != 0 && hasSpare != 1)) return false;
    char* end = nullptr;
    const double spare = std::strtod(spareText.c_str(), &end);
    if (end == spareText.c_str() || *end != '\0') return false;
    m_engine = engine;
    m_hasSpareNormal = hasSpare == 1;
    m_spareNormal = spare;
    return true;
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }

  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Uniform integer in [0, n); n > 0. Rejection sampling keeps it unbiased.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t x = 0;
    do {
      x = m_engine();
    } while (x >= limit);
    return x % n;
  }

  // Standard normal by the Box-Muller transform; the second value of each pair is kept.
  double normal() {
    if (m_hasSpareNormal) {
      m_hasSpareNormal = false;
      return m_spareNormal;
    }
    double u1 = 0.0;
    do {
      u1 = uniform();
    } while (u1 <= 0.0);
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    m_spareNormal = radius * std::sin(angle);
    m_hasSpareNormal = true;
    return radius * std::cos(angle);
  }

  double normal(double mean, double stddev) { return mean + stddev * normal(); }

  // Index drawn with probability proportional to weights[i] (non-negative, not all zero).
  template <class Weights>
  std::size_t categorical(const Weights& weights) {
    double total = 0.0;
    for (auto w : weights) total += static_cast<double>(w);
    double target = uniform() * total;
    std::size_t index = 0;
    for (auto w : weights) {
      target -= static_cast<double>(w);
      if (target < 0.0) return index;
      ++index;
    }
    // Rounding can leave target a hair above zero: return the last index with positive weight.
    std::size_t last = 0;
    index = 0;
    for (auto w : weights) {
      if (w > 0) last = index;
      ++index;
    }
    return last;
  }

 private:
  std::mt19937_64 m_engine;
  double m_spareNormal = 0.0;
  bool m_hasSpareNormal = false;
};

}  // namespace genlab
