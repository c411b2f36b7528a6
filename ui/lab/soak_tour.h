#pragma once
// The soak run's timetable (`genlab --soak REPORT`): every lesson in turn, for as many cycles as
// asked, each lesson's dwell split into thirds: train alone, train beside a twin (compare mode
// with two live trainers), then close the twin and export the window. Resident memory is sampled
// at a fixed interval and at the end of each cycle.
//
// Pure timing, no GL: the lab asks which events are due and performs them, so the order and
// the counts are unit-tested without a window.

#include <cstddef>
#include <vector>

namespace genlab::lab {

struct SoakPlan {
  std::size_t lessons = 0;      // lessons in the picker
  int cycles = 2;               // passes over all of them (growth is measured after the first)
  double dwellSeconds = 100.0;  // per lesson
  double sampleSeconds = 10.0;  // resident memory sampled this often
};

enum class SoakEventKind {
  kOpenLesson,    // open `lesson` and play it at full speed
  kStartCompare,  // add a live twin of the lesson: two trainers side by side
  kEndCompare,    // close the twin, then export the window to a PNG
  kSample,        // sample resident memory
  kCycleEnd,      // a pass over all lessons ended: close it, trim the heap, sample for growth
  kFinish,        // write the report and exit
};

// "open lesson", "start twin", ...: for the report.
const char* toString(SoakEventKind kind);

struct SoakEvent {
  double at = 0.0;  // seconds since the tour began
  SoakEventKind kind = SoakEventKind::kSample;
  std::size_t lesson = 0;
  int cycle = 0;
};

class SoakTour {
 public:
  // Throws std::invalid_argument for no lessons, cycles < 1 or non-positive times.
  explicit SoakTour(const SoakPlan& plan);

  // Events due by `elapsed` seconds that were not returned before, in time order (at equal
  // times a cycle's end comes before the next lesson opens).
  std::vector<SoakEvent> due(double elapsed);

  bool finished() const { return m_next == m_events.size(); }
  double totalSeconds() const { return m_total; }
  const SoakPlan& plan() const { return m_plan; }

 private:
  SoakPlan m_plan;
  double m_total = 0.0;
  std::vector<SoakEvent> m_events;  // sorted by time
  std::size_t m_next = 0;
};

}  // namespace genlab::lab
