#pragma once
// Frame times of the lab, for the status bar and for --report-frames.

#include <algorithm>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <vector>

namespace genlab::lab {

class FrameStats {
 public:
  // `workMs`: time the frame spent building and drawing (what the UI thread could not give to
  // input); `intervalMs`: time since the previous frame began (what a viewer sees).
  void record(double workMs, double intervalMs) {
    m_work.push_back(workMs);
    m_interval.push_back(intervalMs);
    m_recentWork = 0.9 * m_recentWork + 0.1 * workMs;
  }

  double recentWorkMs() const { return m_recentWork; }
  std::size_t count() const { return m_work.size(); }

  // Drops what was recorded so far (frames while the window was still settling).
  void clear() {
    m_work.clear();
    m_interval.clear();
  }

  nlohmann::json report() const {
    return {{"count", m_work.size()},
            {"work_ms", summary(m_work)},
            {"interval_ms", summary(m_interval)},
            // The headline numbers are the work times: the per-frame cost the UI pays.
            {"median", summary(m_work)["median"]},
            {"p95", summary(m_work)["p95"]},
            {"max", summary(m_work)["max"]}};
  }

 private:
  static nlohmann::json summary(std::vector<double> values) {
    if (values.empty()) return {{"median", 0.0}, {"p95", 0.0}, {"max", 0.0}, {"mean", 0.0}};
    std::sort(values.begin(), values.end());
    auto at = [&](double q) {
      const auto index = static_cast<std::size_t>(q * static_cast<double>(values.size() - 1) + 0.5);
      return values[std::min(index, values.size() - 1)];
    };
    double sum = 0.0;
    for (double v : values) sum += v;
    return {{"median", at(0.5)},
            {"p95", at(0.95)},
            {"max", values.back()},
            {"mean", sum / static_cast<double>(values.size())}};
  }

  std::vector<double> m_work;
  std::vector<double> m_interval;
  double m_recentWork = 0.0;
};

}  // namespace genlab::lab
