#pragma once
// One status line on stderr for a headless run: bar, step, rate, ETA and the latest loss.
// On a terminal it redraws in place at most ten times a second; otherwise (a log file, CI) it
// prints a plain line every tenth of the run so logs stay short.

#include <chrono>
#include <cstdint>
#include <string>

namespace genlab::cli {

class ProgressBar {
 public:
  ProgressBar(std::int64_t total, std::string metricName);
  void update(std::int64_t done, double metricValue);
  void finish(std::int64_t done, double metricValue, const std::string& status);

 private:
  std::string render(std::int64_t done, double metricValue) const;

  std::int64_t m_total;
  std::string m_metricName;
  bool m_interactive;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_lastDraw;
  std::int64_t m_lastDecile = -1;
};

}  // namespace genlab::cli
