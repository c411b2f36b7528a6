#pragma once
// Playing speeds the transport bar steps through with Slower/Faster. 0 means "as fast as the
// trainer goes"; the others are training steps per second, slow enough at the low end for a
// class to follow single EM iterations.

#include <array>
#include <cmath>
#include <cstddef>
#include <string>

namespace genlab::lab {

inline constexpr std::array<double, 10> kSpeeds = {0.5, 1, 2, 4, 8, 15, 30, 60, 120, 0};

// Index of the speed closest to `stepsPerSecond` (0 = unlimited, the last entry).
inline std::size_t nearestSpeed(double stepsPerSecond) {
  if (stepsPerSecond <= 0.0) return kSpeeds.size() - 1;
  std::size_t best = 0;
  for (std::size_t i = 0; i + 1 < kSpeeds.size(); ++i) {
    if (std::abs(std::log(kSpeeds[i] / stepsPerSecond)) <
        std::abs(std::log(kSpeeds[best] / stepsPerSecond))) {
      best = i;
    }
  }
  return best;
}

inline std::string speedLabel(std::size_t index) {
  const double speed = kSpeeds[index];
  if (speed <= 0.0) return "max";
  char text[32];
  std::snprintf(text, sizeof text, speed < 1.0 ? "%.1f/s" : "%.0f/s", speed);
  return text;
}

}  // namespace genlab::lab
