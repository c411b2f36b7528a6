#pragma once
// What the soak run measured, and its verdict: resident memory over time and at the end of each
// cycle over the lessons, how many comparisons and exports it made, and the frame times.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace genlab::lab {

struct SoakSample {
  double seconds = 0.0;
  std::int64_t residentBytes = 0;
  std::string lesson;
  int cycle = 0;
};

class SoakLog {
 public:
  void sample(const SoakSample& sample) { m_samples.push_back(sample); }
  void cycleEnded(const SoakSample& sample) { m_cycleEnds.push_back(sample); }
  void compared() { ++m_comparisons; }
  void exported() { ++m_exports; }
  void failed(const std::string& what) { m_failures.push_back(what); }

  // Growth of resident memory after the first cycle: the largest end-of-cycle figure of the
  // later cycles over the first cycle's, minus one (0.03 is 3%). Each end-of-cycle figure is
  // taken with every run closed and the heap trimmed. The first cycle loads each lesson's data
  // and warms every cache once; what grows after it is what lesson switches, twins and exports
  // leak.
  // Nothing until two cycles have ended.
  std::optional<double> growthAfterFirstCycle() const;

  // The largest sample taken after the first cycle, over the largest taken during it, minus one:
  // the same question asked of the peaks rather than the cycle ends.
  std::optional<double> peakGrowthAfterFirstCycle() const;

  // `frames` is FrameStats::report() of the frames drawn during the tour.
  nlohmann::json report(const nlohmann::json& frames, double dwellSeconds,
                        double sampleSeconds) const;

 private:
  std::vector<SoakSample> m_samples;
  std::vector<SoakSample> m_cycleEnds;
  int m_comparisons = 0;
  int m_exports = 0;
  std::vector<std::string> m_failures;
};

}  // namespace genlab::lab
