// The soak run (--soak REPORT): the lab tours every lesson as ui/lab/soak_tour.h plans, and
// writes what it measured as JSON (ui/lab/soak_log.h). It drives the same calls a person's
// clicks do: open a lesson, play, "Duplicate with a change", close a run, export the window.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>

#include "core/platform/memory_info.h"
#include "ui/lab/lab_app.h"
#include "ui/lab/transport.h"

namespace genlab::lab {

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The twin's "change": the lesson's first setting at its own value. The soak needs a second
// live trainer of the same size, not a lesson about a setting.
nlohmann::json sameSettingsChange(const nlohmann::json& settings) {
  for (const auto& [key, value] : settings.items()) {
    if (value.is_number()) return {{key, value}};
  }
  if (!settings.empty()) return {{settings.begin().key(), settings.begin().value()}};
  return nlohmann::json::object();
}

}  // namespace

void LabApp::startSoak() {
  try {
    m_soak.emplace(SoakPlan{m_lessons.size(), m_options.soakCycles, m_options.soakDwellSeconds,
                            m_options.soakSampleSeconds});
  } catch (const std::exception& error) {
    m_openError = error.what();
    m_exitCode = 2;
    return;
  }
  std::cerr << "genlab: soak: " << m_lessons.size() << " lessons x " << m_options.soakCycles
            << " cycles x " << m_options.soakDwellSeconds << " s = " << m_soak->totalSeconds()
            << " s\n";
}

void LabApp::advanceSoak() {
  if (!m_soakStarted) {
    // The clock starts with the first frame: window and font set-up are not the tour's.
    m_soakStarted = true;
    m_soakStart = std::chrono::steady_clock::now();
    m_scriptPhase = ScriptPhase::kDrawing;  // every frame from here on is measured
    m_frameStats.clear();
  }
  const double elapsed = secondsSince(m_soakStart);
  for (const SoakEvent& event : m_soak->due(elapsed)) {
    if (event.kind == SoakEventKind::kSample) {
      performSoakEvent(event, elapsed);
      continue;
    }
    m_soakEventFrame = true;
    const auto start = std::chrono::steady_clock::now();
    const auto measuringBefore = m_soakMeasuring;
    performSoakEvent(event, elapsed);
    // The tour's clock stops while an event is performed: a lesson that takes seconds to open
    // keeps its whole dwell, and its twin, its export and the next lesson are not pushed into
    // one frame (where the report could be written before the export it counts).
    const auto took = std::chrono::steady_clock::now() - start;
    m_soakStart += took;
    // The few slowest are kept for the report: a switch that blocks the window for seconds
    // names its lesson and what was asked. The soak's own settling is not part of it.
    m_soakSlowEvents.emplace_back(
        std::chrono::duration<double>(took - (m_soakMeasuring - measuringBefore)).count(),
        m_lessons[event.lesson].file.stem().string() + ": " + toString(event.kind));
    std::sort(m_soakSlowEvents.begin(), m_soakSlowEvents.end(), std::greater<>());
    if (m_soakSlowEvents.size() > 8) m_soakSlowEvents.pop_back();
  }
}

void LabApp::performSoakEvent(const SoakEvent& event, double elapsed) {
  const std::string lesson = m_lessons[event.lesson].file.stem().string();
  const auto sample = [&] {
    return SoakSample{elapsed,
                      static_cast<std::int64_t>(platform::residentBytes()),
                      lesson,
                      event.cycle,
                      static_cast<std::int64_t>(platform::heapInUseBytes()),
                      static_cast<std::int64_t>(platform::residentAnonymousBytes())};
  };
  switch (event.kind) {
    case SoakEventKind::kOpenLesson:
      // What the lesson before kept is measured before this one opens (the first figure is the
      // baseline); a cycle's end has just measured it.
      if (!m_soakSettledSinceOpen) {
        settleForSoak();
        SoakSample before = sample();
        before.lesson = m_soakLesson.empty() ? "(start)" : m_soakLesson;
        m_soakLog.settled(before);
      }
      m_soakSettledSinceOpen = false;
      m_soakLesson = lesson;
      openLesson(event.lesson);
      if (m_runs.empty()) {
        m_soakLog.failed(lesson + ": " + m_openError);
        break;
      }
      setSpeed(kSpeeds.size() - 1);
      forEachLiveSession([](train::Session& s) { s.play(); });
      m_soakBaseRuns = m_runs.size();
      break;
    case SoakEventKind::kStartCompare: {
      OpenRun* source = focusedRun();
      if (!source) break;
      const std::size_t before = m_runs.size();
      duplicateWithChanges(sameSettingsChange(source->settings()));
      if (m_runs.size() > before) {
        m_soakLog.compared();
        forEachLiveSession([](train::Session& s) { s.play(); });
      } else {
        m_soakLog.failed(lesson + ": the twin could not be opened");
      }
      break;
    }
    case SoakEventKind::kEndCompare:
      while (m_runs.size() > m_soakBaseRuns) closeRun(m_runs.size() - 1);
      m_soakExportPending = true;
      break;
    case SoakEventKind::kSample:
      m_soakLog.sample(sample());
      break;
    case SoakEventKind::kCycleEnd:
      // Measured with nothing open and the heap trimmed: what stays is what the cycle kept.
      // (With a lesson open the figure depends on how far its timeline had filled.)
      {
        settleForSoak();
        SoakSample ended = sample();  // one reading for the cycle's end and the lesson's figure
        ended.lesson = m_soakLesson;  // the lesson that just closed
        m_soakLog.cycleEnded(ended);
        m_soakLog.settled(ended);
        m_soakSettledSinceOpen = true;
        std::cerr << "genlab: soak: cycle " << event.cycle + 1 << " ended at " << elapsed
                  << " s, resident " << ended.residentBytes / (1024 * 1024) << " MB\n";
        break;
      }
    case SoakEventKind::kFinish:
      if (m_soakExportPending) exportSoakWindow();  // counted before the report is written
      finishSoak();
      break;
  }
}

void LabApp::settleForSoak() {
  // The wait for the closed sessions to end (their memory is part of the figure) is the soak's
  // own measuring, not a person's click: it is left out of the frame's time (and, as every
  // event, out of the tour's clock).
  const auto waitStart = std::chrono::steady_clock::now();
  m_runs.clear();
  m_reaper.waitUntilEmpty();
  platform::releaseFreeMemory();
  m_soakMeasuring += std::chrono::steady_clock::now() - waitStart;
}

void LabApp::exportSoakWindow() {
  m_soakExportPending = false;
  const auto path = std::filesystem::path(m_options.soakReport).parent_path() / "soak_window.png";
  try {
    saveScreenshot(path.string());
    m_soakLog.exported();
  } catch (const std::exception& error) {
    m_soakLog.failed(std::string("export: ") + error.what());
  }
}

void LabApp::finishSoak() {
  nlohmann::json report = m_soakLog.report(m_frameStats.report(), m_options.soakDwellSeconds,
                                           m_options.soakSampleSeconds);
  nlohmann::json lessons = nlohmann::json::array();
  for (const auto& lesson : m_lessons) lessons.push_back(lesson.file.stem().string());
  report["lessons"] = lessons;
  report["total_seconds"] = m_soak->totalSeconds();
  report["switch_frames"] = m_soakSwitchStats.report();
  nlohmann::json byLesson = nlohmann::json::object();
  for (const auto& [name, stats] : m_soakLessonFrames) {
    const nlohmann::json frames = stats.report();
    byLesson[name] = {
        {"count", frames["count"]}, {"median", frames["median"]}, {"p95", frames["p95"]}};
  }
  report["frames_by_lesson"] = byLesson;
  nlohmann::json slow = nlohmann::json::array();
  for (const auto& [seconds, what] : m_soakSlowEvents)
    slow.push_back({{"event", what}, {"seconds", seconds}});
  report["slowest_events"] = slow;
  std::ofstream out(m_options.soakReport);
  out << report.dump(2) << '\n';
  if (!out) {
    std::cerr << "genlab: " << m_options.soakReport << ": cannot write the soak report\n";
    m_exitCode = 1;
  }
  m_scriptPhase = ScriptPhase::kDone;
}

}  // namespace genlab::lab
