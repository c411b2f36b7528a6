// The workspace: which runs are open, the transport that drives them, replay of recorded runs,
// the window title and the layout report.

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <fstream>
#include <iostream>

#include "core/run/run_catalog.h"
#include "ui/lab/lab_app.h"
#include "ui/lab/layout_report.h"
#include "ui/lab/transport.h"

namespace genlab::lab {
namespace {

constexpr std::size_t kMaxOpenRuns = 4;

}  // namespace

std::filesystem::path LabApp::runsDirectory() const {
  if (!m_options.runsDirectory.empty()) return m_options.runsDirectory;
  if (!m_settings.runsDirectory.empty()) return m_settings.runsDirectory;
  return run::defaultRunsDirectory();
}

bool LabApp::recording() const {
  if (m_options.noRecord) return false;
  // A scripted run (a test, a figure) records only where it is told to.
  if (m_options.scripted()) return !m_options.runsDirectory.empty();
  return m_settings.recordRuns;
}

LiveRunOptions LabApp::liveOptions(std::uint64_t seed, std::vector<std::string> overrides) const {
  LiveRunOptions options;
  options.seed = seed;
  options.record = recording();
  options.recorder.runsDirectory = runsDirectory();
  options.recorder.origin = "lab";
  options.recorder.overrides = std::move(overrides);
  options.lowPriority = true;  // drawing first; training takes every cycle left over
  options.timelineBytes = m_timelineShare;
  options.metricsRingBytes = m_memoryBudget.metrics() / 2 / kMaxOpenRuns;
  return options;
}

OpenRun* LabApp::focusedRun() {
  if (m_runs.empty()) return nullptr;
  m_focus = std::min(m_focus, m_runs.size() - 1);
  return m_runs[m_focus].get();
}

std::int64_t LabApp::workspaceLastStep() const {
  std::int64_t last = 0;
  for (const auto& run : m_runs) last = std::max(last, run->lastStep());
  return last;
}

void LabApp::forEachLiveSession(const std::function<void(train::Session&)>& action) {
  for (auto& run : m_runs)
    if (run->isLive()) action(run->session());
}

bool LabApp::anyLivePlaying() const {
  for (const auto& run : m_runs)
    if (run->isLive() && run->session().playRequested()) return true;
  return false;
}

void LabApp::openRecordedRuns(const std::vector<std::filesystem::path>& folders) {
  if (folders.empty()) return;
  // Opening runs replaces what is open, unless it is only adding to recorded runs.
  bool onlyRecorded = true;
  for (const auto& run : m_runs) onlyRecorded = onlyRecorded && !run->isLive();
  if (!onlyRecorded || m_runs.size() + folders.size() > kMaxOpenRuns) m_runs.clear();
  m_openError.clear();
  m_showSweep = false;
  for (const auto& folder : folders) addRecordedRun(folder);
  m_focus = 0;
  m_replaying = false;
  if (m_runs.empty() && m_options.scripted()) m_exitCode = 2;
}

void LabApp::addRecordedRun(const std::filesystem::path& folder) {
  if (m_runs.size() >= kMaxOpenRuns) {
    m_messages.push_back("at most " + std::to_string(kMaxOpenRuns) + " runs side by side; " +
                         folder.string() + " was not opened");
    return;
  }
  try {
    m_runs.push_back(OpenRun::recorded(folder));
    m_runs.back()->retireSessionTo(&m_reaper);
  } catch (const std::exception& error) {
    m_openError += (m_openError.empty() ? "" : "\n") + std::string(error.what());
    std::cerr << "genlab: " << error.what() << '\n';
    if (m_options.scripted()) m_exitCode = 2;
  }
}

void LabApp::closeRun(std::size_t index) {
  if (index >= m_runs.size()) return;
  m_runs.erase(m_runs.begin() + static_cast<std::ptrdiff_t>(index));
  if (m_focus >= m_runs.size()) m_focus = m_runs.empty() ? 0 : m_runs.size() - 1;
}

void LabApp::resumeRun(std::size_t index) {
  if (index >= m_runs.size() || m_runs[index]->isLive()) return;
  const std::filesystem::path folder = m_runs[index]->folder();
  try {
    LiveRunOptions options = liveOptions(0, {});
    // Resuming continues the same folder, whatever the recording setting says.
    options.record = true;
    auto resumed = OpenRun::resume(folder, options);
    resumed->retireSessionTo(&m_reaper);
    m_runs[index] = std::move(resumed);
    m_scrubStep.reset();
    m_replaying = false;
    setSpeed(m_speedIndex);
  } catch (const std::exception& error) {
    m_messages.emplace_back(error.what());
    std::cerr << "genlab: resume: " << error.what() << '\n';
  }
}

void LabApp::duplicateWithChange(const std::string& key, const nlohmann::json& value) {
  duplicateWithChanges({{key, value}});
}

void LabApp::duplicateWithChanges(const nlohmann::json& changes) {
  OpenRun* source = focusedRun();
  if (!source || m_runs.size() >= kMaxOpenRuns || changes.empty()) return;
  lesson::Lesson changed = source->lesson();
  // The source's settings now (it may have been changed by hand), with the changes.
  changed.settings = source->settings();
  for (const auto& [key, value] : changes.items()) changed.settings[key] = value;
  // What the run folder records as overrides: every setting that differs from the lesson.
  lesson::Lesson original = source->lesson();
  std::vector<std::string> overrides;
  for (const auto& [name, setting] : changed.settings.items()) {
    if (!original.settings.contains(name) || original.settings[name] != setting)
      overrides.push_back(name + "=" + setting.dump());
  }
  try {
    auto twin = OpenRun::live(original, changed, liveOptions(source->seed(), overrides));
    twin->retireSessionTo(&m_reaper);
    m_runs.push_back(std::move(twin));
    setSpeed(m_speedIndex);
    // Both start from the beginning together, so the class sees them diverge.
    if (source->isLive() && source->session().stepsDone() > 0) source->session().reset();
    m_scrubStep.reset();
  } catch (const std::exception& error) {
    m_messages.emplace_back(std::string("duplicate: ") + error.what());
    std::cerr << "genlab: duplicate with " << changes.dump() << ": " << error.what() << '\n';
    if (m_options.scripted()) m_exitCode = 2;
  }
}

bool LabApp::showsPast(const OpenRun& run, const train::SnapshotPtr& shown) const {
  if (run.isLive()) return m_scrubStep.has_value();
  return run.loading() || !shown || shown->step != run.session().stepsDone();
}

void LabApp::togglePlay() {
  bool anyLive = false;
  for (const auto& run : m_runs) anyLive = anyLive || run->isLive();
  if (anyLive) {
    m_scrubStep.reset();
    m_replaying = false;
    const bool playing = anyLivePlaying();
    forEachLiveSession([playing](train::Session& s) {
      if (playing)
        s.pause();
      else
        s.play();
    });
    return;
  }
  if (m_runs.empty()) return;
  m_replaying = !m_replaying;
  if (m_replaying) {
    const std::int64_t last = workspaceLastStep();
    const std::int64_t at = m_scrubStep.value_or(last);
    m_replayPosition = static_cast<double>(at >= last ? 0 : at);
    m_scrubStep = static_cast<std::int64_t>(m_replayPosition);
    m_replayClock = std::chrono::steady_clock::now();
  }
}

void LabApp::advanceReplay() {
  if (!m_replaying) return;
  const auto now = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(now - m_replayClock).count();
  m_replayClock = now;
  const std::int64_t last = workspaceLastStep();
  // "max" replays the whole run in ten seconds.
  const double speed = kSpeeds[m_speedIndex] > 0.0
                           ? kSpeeds[m_speedIndex]
                           : std::max(1.0, static_cast<double>(last) / 10.0);
  m_replayPosition = std::min(m_replayPosition + speed * seconds, static_cast<double>(last));
  m_scrubStep = static_cast<std::int64_t>(m_replayPosition);
  if (*m_scrubStep >= last) m_replaying = false;
}

void LabApp::stepAll() {
  bool anyLive = false;
  for (const auto& run : m_runs) anyLive = anyLive || run->isLive();
  if (anyLive) {
    m_scrubStep.reset();
    forEachLiveSession([](train::Session& s) { s.stepN(1); });
    return;
  }
  // Recorded runs: the cursor moves to the next step any of them has a checkpoint at.
  const std::int64_t at = m_scrubStep.value_or(workspaceLastStep());
  std::int64_t next = workspaceLastStep();
  for (const auto& run : m_runs) next = std::min(next, run->nextShowableStep(at));
  m_scrubStep = next;
  m_replaying = false;
}

void LabApp::resetAll() {
  m_scrubStep.reset();
  forEachLiveSession([](train::Session& s) { s.reset(); });
}

void LabApp::updateWindowTitle() {
  std::string title = "genlab";
  if (m_showSweep) {
    title += " - " + m_sweepView.title() + " (" + std::to_string(m_sweepView.sweep().runs.size()) +
             " runs)";
  } else if (m_runs.size() == 1) {
    OpenRun& run = *m_runs.front();
    title +=
        " - " + (run.isLive() ? run.lesson().title : run.label() + " (" + run.lesson().title + ")");
    title +=
        " - " + run.status() + ", step " +
        std::to_string(run.isLive() && !m_scrubStep ? run.session().stepsDone()
                                                    : std::max<std::int64_t>(run.shownStep(), 0));
  } else if (m_runs.size() > 1) {
    title += " - comparing " + std::to_string(m_runs.size()) + " runs of " +
             m_runs.front()->lesson().title;
    title += " - " + std::string(anyLivePlaying() ? "training" : "paused") + ", step " +
             std::to_string(m_scrubStep.value_or(workspaceLastStep()));
  }
  if (title != m_windowTitle) {
    m_windowTitle = title;
    glfwSetWindowTitle(m_window, title.c_str());
  }
}

void LabApp::writeLayoutReport() {
  nlohmann::json report = {
      {"window", m_windowTitle},
      {"cursor", m_scrubStep ? nlohmann::json(*m_scrubStep) : nlohmann::json()},
      {"compare", compareMode()},
      {"views", m_layout},
      {"panels", m_panels},
      {"earlier_rounds", m_earlierRounds},
      {"present", m_present},
      {"size", {ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y}}};
  std::ofstream out(m_options.reportLayout);
  out << report.dump(2) << '\n';
  if (!out) {
    std::cerr << "genlab: " << m_options.reportLayout << ": cannot write the layout report\n";
    m_exitCode = 1;
  }
}

}  // namespace genlab::lab
