#pragma once
// One status line on stderr for a headless run: bar, step, rate, ETA and the latest loss.
// On a terminal it redraws in place at most ten times a second; otherwise (a log file, CI) it
// prints a plain line every tenth of the run so logs stay short. The text after the bar is the
// rate, ETA and latest metric of a training run, or a caller's own (a sweep's runs and ETA).

#include <chrono>
#include <cstdint>
#include <string>

namespace genlab::cli {

class ProgressBar {
 public:
  ProgressBar(std::int64_t total, std::string metricName);
  void update(std::int64_t done, double metricValue);
  void finish(std::int64_t done, double metricValue, const std::string& status);
  void update(std::int64_t done, const std::string& text);
  void finish(std::int64_t done, const std::string& text, const std::string& status);
  bool interactive() const { return m_interactive; }  // stderr is a terminal

 private:
  bool due(std::int64_t done);  // time to draw: 10 a second on a terminal, each tenth in a log
  void draw(const std::string& line) const;
  std::string bar(std::int64_t done) const;
  std::string render(std::int64_t done, double metricValue) const;

  std::int64_t m_total;
  std::string m_metricName;
  bool m_interactive;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_lastDraw;
  std::int64_t m_lastDecile = -1;
};

}  // namespace genlab::cli
