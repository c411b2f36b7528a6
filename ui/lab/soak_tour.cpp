#include "ui/lab/soak_tour.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace genlab::lab {

const char* toString(SoakEventKind kind) {
  switch (kind) {
    case SoakEventKind::kOpenLesson:
      return "open lesson";
    case SoakEventKind::kStartCompare:
      return "open twin";
    case SoakEventKind::kEndCompare:
      return "close twin";
    case SoakEventKind::kSample:
      return "sample";
    case SoakEventKind::kCycleEnd:
      return "cycle end";
    case SoakEventKind::kFinish:
      return "finish";
  }
  return "?";
}

namespace {

// At one instant: end the cycle (its memory sample belongs to the lessons before it), then
// open the next lesson; the finish comes last of all.
int orderAtSameTime(SoakEventKind kind) {
  switch (kind) {
    case SoakEventKind::kEndCompare:
      return 0;
    case SoakEventKind::kCycleEnd:
      return 1;
    case SoakEventKind::kSample:
      return 2;
    case SoakEventKind::kOpenLesson:
      return 3;
    case SoakEventKind::kStartCompare:
      return 4;
    case SoakEventKind::kFinish:
      return 5;
  }
  return 5;
}

}  // namespace

SoakTour::SoakTour(const SoakPlan& plan) : m_plan(plan) {
  if (plan.lessons == 0) throw std::invalid_argument("soak: there are no lessons to tour");
  if (plan.cycles < 1) throw std::invalid_argument("soak: cycles must be at least 1");
  if (!(plan.dwellSeconds > 0.0) || !(plan.sampleSeconds > 0.0) ||
      !std::isfinite(plan.dwellSeconds) || !std::isfinite(plan.sampleSeconds))
    throw std::invalid_argument("soak: the dwell and sample intervals must be positive");

  const double dwell = plan.dwellSeconds;
  for (int cycle = 0; cycle < plan.cycles; ++cycle) {
    for (std::size_t lesson = 0; lesson < plan.lessons; ++lesson) {
      const double start = dwell * static_cast<double>(cycle * static_cast<int>(plan.lessons) +
                                                       static_cast<int>(lesson));
      m_events.push_back({start, SoakEventKind::kOpenLesson, lesson, cycle});
      m_events.push_back({start + dwell / 3.0, SoakEventKind::kStartCompare, lesson, cycle});
      m_events.push_back({start + 2.0 * dwell / 3.0, SoakEventKind::kEndCompare, lesson, cycle});
    }
    const double end = dwell * static_cast<double>((cycle + 1) * static_cast<int>(plan.lessons));
    m_events.push_back({end, SoakEventKind::kCycleEnd, plan.lessons - 1, cycle});
  }
  m_total = dwell * static_cast<double>(plan.cycles) * static_cast<double>(plan.lessons);
  for (int k = 1; plan.sampleSeconds * k < m_total; ++k) {
    const double at = plan.sampleSeconds * k;
    const auto index = static_cast<std::size_t>(at / dwell);
    m_events.push_back(
        {at, SoakEventKind::kSample, index % plan.lessons, static_cast<int>(index / plan.lessons)});
  }
  m_events.push_back({m_total, SoakEventKind::kFinish, plan.lessons - 1, plan.cycles - 1});
  std::stable_sort(m_events.begin(), m_events.end(), [](const SoakEvent& a, const SoakEvent& b) {
    if (a.at != b.at) return a.at < b.at;
    return orderAtSameTime(a.kind) < orderAtSameTime(b.kind);
  });
}

std::vector<SoakEvent> SoakTour::due(double elapsed) {
  std::vector<SoakEvent> events;
  while (m_next < m_events.size() && m_events[m_next].at <= elapsed)
    events.push_back(m_events[m_next++]);
  return events;
}

}  // namespace genlab::lab
