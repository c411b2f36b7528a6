#include "ui/lab/soak_log.h"

#include <algorithm>

namespace genlab::lab {

namespace {

double megabytes(std::int64_t bytes) {
  return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

nlohmann::json toJson(const SoakSample& sample) {
  return {{"seconds", sample.seconds},
          {"resident_mb", megabytes(sample.residentBytes)},
          {"lesson", sample.lesson},
          {"cycle", sample.cycle},
          {"heap_mb", megabytes(sample.heapBytes)},
          {"anonymous_mb", megabytes(sample.anonymousBytes)}};
}

nlohmann::json megabytesOf(const std::vector<std::int64_t>& bytes) {
  nlohmann::json out = nlohmann::json::array();
  for (const std::int64_t b : bytes) out.push_back(megabytes(b));
  return out;
}

// The largest later cycle end's figure over the first's, minus one.
std::optional<double> growthOf(const std::vector<SoakSample>& cycleEnds,
                               std::int64_t SoakSample::*figure) {
  if (cycleEnds.size() < 2 || cycleEnds.front().*figure <= 0) return std::nullopt;
  std::int64_t later = 0;
  for (std::size_t i = 1; i < cycleEnds.size(); ++i) later = std::max(later, cycleEnds[i].*figure);
  return static_cast<double>(later) / static_cast<double>(cycleEnds.front().*figure) - 1.0;
}

}  // namespace

std::optional<double> SoakLog::growthAfterFirstCycle() const {
  return growthOf(m_cycleEnds, &SoakSample::residentBytes);
}

std::optional<double> SoakLog::anonymousGrowthAfterFirstCycle() const {
  return growthOf(m_cycleEnds, &SoakSample::anonymousBytes);
}

std::optional<double> SoakLog::peakGrowthAfterFirstCycle() const {
  std::int64_t first = 0;
  std::int64_t later = 0;
  bool anyLater = false;
  for (const SoakSample& s : m_samples) {
    if (s.cycle == 0) {
      first = std::max(first, s.residentBytes);
    } else {
      later = std::max(later, s.residentBytes);
      anyLater = true;
    }
  }
  if (first <= 0 || !anyLater) return std::nullopt;
  return static_cast<double>(later) / static_cast<double>(first) - 1.0;
}

std::map<std::string, SoakKept> SoakLog::keptByLesson() const {
  std::map<std::string, SoakKept> kept;
  for (std::size_t i = 1; i < m_settled.size(); ++i) {
    SoakKept& lesson = kept[m_settled[i].lesson];
    lesson.residentBytes.push_back(m_settled[i].residentBytes - m_settled[i - 1].residentBytes);
    lesson.heapBytes.push_back(m_settled[i].heapBytes - m_settled[i - 1].heapBytes);
    lesson.anonymousBytes.push_back(m_settled[i].anonymousBytes - m_settled[i - 1].anonymousBytes);
  }
  return kept;
}

nlohmann::json SoakLog::report(const nlohmann::json& frames, double dwellSeconds,
                               double sampleSeconds) const {
  nlohmann::json samples = nlohmann::json::array();
  for (const SoakSample& s : m_samples) samples.push_back(toJson(s));
  nlohmann::json cycleEnds = nlohmann::json::array();
  for (const SoakSample& s : m_cycleEnds) cycleEnds.push_back(toJson(s));
  nlohmann::json settled = nlohmann::json::array();
  for (const SoakSample& s : m_settled) settled.push_back(toJson(s));
  nlohmann::json kept = nlohmann::json::object();
  for (const auto& [lesson, figures] : keptByLesson())
    kept[lesson] = {{"resident_mb", megabytesOf(figures.residentBytes)},
                    {"heap_mb", megabytesOf(figures.heapBytes)},
                    {"anonymous_mb", megabytesOf(figures.anonymousBytes)}};
  const auto growth = growthAfterFirstCycle();
  const auto anonymousGrowth = anonymousGrowthAfterFirstCycle();
  const auto peakGrowth = peakGrowthAfterFirstCycle();
  return {{"dwell_seconds", dwellSeconds},
          {"sample_seconds", sampleSeconds},
          {"cycles", m_cycleEnds.size()},
          {"cycle_ends", cycleEnds},
          {"samples", samples},
          {"settled", settled},
          {"kept_by_lesson", kept},
          {"growth_after_first_cycle", growth ? nlohmann::json(*growth) : nlohmann::json()},
          {"anonymous_growth_after_first_cycle",
           anonymousGrowth ? nlohmann::json(*anonymousGrowth) : nlohmann::json()},
          {"peak_growth_after_first_cycle",
           peakGrowth ? nlohmann::json(*peakGrowth) : nlohmann::json()},
          {"comparisons", m_comparisons},
          {"exports", m_exports},
          {"failures", m_failures},
          {"frames", frames}};
}

}  // namespace genlab::lab
