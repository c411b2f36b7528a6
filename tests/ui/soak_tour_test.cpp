// The soak run's timetable and verdict (ui/lab/soak_tour.h, soak_log.h): pure logic, no window.

#include "ui/lab/soak_tour.h"

#include <gtest/gtest.h>

#include <map>

#include "ui/lab/soak_log.h"

namespace genlab::lab {
namespace {

TEST(SoakTour, VisitsEveryLessonOncePerCycleWithOneCompareEach) {
  SoakTour tour({.lessons = 3, .cycles = 2, .dwellSeconds = 6.0, .sampleSeconds = 4.0});
  EXPECT_DOUBLE_EQ(tour.totalSeconds(), 36.0);
  std::map<SoakEventKind, int> counts;
  std::vector<std::size_t> opened;
  double last = -1.0;
  // Polled as a frame loop would: irregular steps, every event exactly once, in time order.
  for (double t = 0.0; !tour.finished(); t += 0.7) {
    for (const SoakEvent& event : tour.due(t)) {
      EXPECT_LE(event.at, t);
      EXPECT_GE(event.at, last);
      last = event.at;
      ++counts[event.kind];
      if (event.kind == SoakEventKind::kOpenLesson) opened.push_back(event.lesson);
    }
  }
  EXPECT_EQ(opened, (std::vector<std::size_t>{0, 1, 2, 0, 1, 2}));
  EXPECT_EQ(counts[SoakEventKind::kStartCompare], 6);
  EXPECT_EQ(counts[SoakEventKind::kEndCompare], 6);
  EXPECT_EQ(counts[SoakEventKind::kCycleEnd], 2);
  EXPECT_EQ(counts[SoakEventKind::kSample], 8);  // at 4, 8, ..., 32 (36 is the finish)
  EXPECT_EQ(counts[SoakEventKind::kFinish], 1);
  EXPECT_TRUE(tour.due(1000.0).empty());
}

TEST(SoakTour, CycleEndsBeforeTheNextLessonOpensAtTheSameInstant) {
  SoakTour tour({.lessons = 2, .cycles = 2, .dwellSeconds = 3.0, .sampleSeconds = 100.0});
  tour.due(5.9);
  const auto at6 = tour.due(6.0);
  ASSERT_EQ(at6.size(), 2u);
  EXPECT_EQ(at6[0].kind, SoakEventKind::kCycleEnd);
  EXPECT_EQ(at6[0].cycle, 0);
  EXPECT_EQ(at6[1].kind, SoakEventKind::kOpenLesson);
  EXPECT_EQ(at6[1].cycle, 1);
  // The twin of a lesson opens a third of the way in and closes at two thirds.
  const auto next = tour.due(8.0);
  ASSERT_EQ(next.size(), 2u);
  EXPECT_EQ(next[0].kind, SoakEventKind::kStartCompare);
  EXPECT_DOUBLE_EQ(next[0].at, 7.0);
  EXPECT_EQ(next[1].kind, SoakEventKind::kEndCompare);
  EXPECT_DOUBLE_EQ(next[1].at, 8.0);
}

TEST(SoakTour, RefusesAnEmptyOrTimelessPlan) {
  EXPECT_THROW(SoakTour({.lessons = 0}), std::invalid_argument);
  EXPECT_THROW(SoakTour({.lessons = 2, .cycles = 0}), std::invalid_argument);
  EXPECT_THROW(SoakTour({.lessons = 2, .cycles = 1, .dwellSeconds = 0.0}), std::invalid_argument);
}

TEST(SoakLog, GrowthComparesLaterCycleEndsWithTheFirst) {
  SoakLog log;
  EXPECT_FALSE(log.growthAfterFirstCycle());
  log.sample({1.0, 900, "a", 0});
  log.sample({2.0, 1000, "b", 0});
  log.cycleEnded({3.0, 800, "b", 0, 100, 400});
  EXPECT_FALSE(log.growthAfterFirstCycle());  // one cycle says nothing about growth
  log.sample({4.0, 1050, "a", 1});
  log.cycleEnded({6.0, 840, "b", 1, 100, 404});
  log.cycleEnded({9.0, 820, "b", 2, 100, 408});
  // Anonymous memory alone: 408 over 400, 2% (the file pages made the rest of the 5%).
  EXPECT_NEAR(*log.anonymousGrowthAfterFirstCycle(), 0.02, 1e-12);
  // The worst later cycle end (840) against the first (800): 5%, not the 2.5% of the last.
  EXPECT_NEAR(*log.growthAfterFirstCycle(), 0.05, 1e-12);
  EXPECT_NEAR(*log.peakGrowthAfterFirstCycle(), 0.05, 1e-12);  // 1050 over 1000
  const auto report = log.report({{"p95", 12.0}}, 3.0, 1.0);
  EXPECT_EQ(report["cycles"], 3);
  EXPECT_EQ(report["samples"].size(), 3u);
  EXPECT_EQ(report["frames"]["p95"], 12.0);
}

TEST(SoakLog, KeptByLessonIsTheChangeAcrossEachLessonsClose) {
  SoakLog log;
  log.settled({0.0, 1000, "(start)", 0, 500});
  log.settled({5.0, 1100, "a", 0, 560});   // a: +100 resident, +60 heap
  log.settled({9.0, 1090, "b", 0, 550});   // b: -10, -10
  log.settled({14.0, 1150, "a", 1, 600});  // a again: +60, +50
  log.settled({18.0, 1150, "b", 1, 600});  // b: 0, 0
  const auto kept = log.keptByLesson();
  ASSERT_EQ(kept.size(), 2u);  // the baseline is no lesson
  EXPECT_EQ(kept.at("a").residentBytes, (std::vector<std::int64_t>{100, 60}));
  EXPECT_EQ(kept.at("a").heapBytes, (std::vector<std::int64_t>{60, 50}));
  EXPECT_EQ(kept.at("b").residentBytes, (std::vector<std::int64_t>{-10, 0}));
  EXPECT_EQ(kept.at("b").heapBytes, (std::vector<std::int64_t>{-10, 0}));
  const auto report = log.report({}, 1.0, 1.0);
  EXPECT_EQ(report["settled"].size(), 5u);
  EXPECT_NEAR(report["kept_by_lesson"]["a"]["resident_mb"][1].get<double>(),
              60.0 / (1024.0 * 1024.0), 1e-15);
}

}  // namespace
}  // namespace genlab::lab
