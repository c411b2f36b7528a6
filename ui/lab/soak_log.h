#pragma once
// What the soak run measured, and its verdict: resident memory over time and at the end of each
// cycle over the lessons, how many comparisons and exports it made, and the frame times.

#include <cstdint>
#include <map>
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
  std::int64_t heapBytes = 0;       // C heap in use (platform::heapInUseBytes); 0 where not taken
  std::int64_t anonymousBytes = 0;  // platform::residentAnonymousBytes; 0 where not taken
};

// What one lesson kept: the settled figures (every run closed and ended, heap trimmed) after it
// closed, less those before it opened. One entry per cycle, in cycle order.
struct SoakKept {
  std::vector<std::int64_t> residentBytes;
  std::vector<std::int64_t> heapBytes;
  std::vector<std::int64_t> anonymousBytes;
};

class SoakLog {
 public:
  void sample(const SoakSample& sample) { m_samples.push_back(sample); }
  void cycleEnded(const SoakSample& sample) { m_cycleEnds.push_back(sample); }
  // A settled figure: the first is taken before the first lesson opens, each later one after
  // `sample.lesson` closed, so that differences attribute what stays to a lesson.
  void settled(const SoakSample& sample) { m_settled.push_back(sample); }
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

  // The same growth of the anonymous resident memory (RssAnon: heap, stacks, mapped blocks)
  // alone, without the library and file pages that the resident figure also counts.
  std::optional<double> anonymousGrowthAfterFirstCycle() const;

  // The largest sample taken after the first cycle, over the largest taken during it, minus one:
  // the same question asked of the peaks rather than the cycle ends.
  std::optional<double> peakGrowthAfterFirstCycle() const;

  // Per lesson, what it kept in each cycle (differences of consecutive settled figures).
  std::map<std::string, SoakKept> keptByLesson() const;

  // `frames` is FrameStats::report() of the frames drawn during the tour.
  nlohmann::json report(const nlohmann::json& frames, double dwellSeconds,
                        double sampleSeconds) const;

 private:
  std::vector<SoakSample> m_samples;
  std::vector<SoakSample> m_cycleEnds;
  std::vector<SoakSample> m_settled;
  int m_comparisons = 0;
  int m_exports = 0;
  std::vector<std::string> m_failures;
};

}  // namespace genlab::lab
