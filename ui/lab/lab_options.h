#pragma once
// How the lab was asked to start: by a person (defaults), or by a test or a script that drives
// the real window, takes a screenshot and exits.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace genlab::lab {

struct LabOptions {
  std::string lessonFile;  // empty: the last lesson used, else the first in the picker
  bool present = false;    // presentation mode from the start (F5 toggles it)
  int width = 0;           // 0: the size remembered from the last run, else 1280 x 800
  int height = 0;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> overrides;  // "key=value" settings for the first lesson opened
  std::vector<std::string> display;    // "key=value" display options for it (see lessons)
  std::vector<std::string> openRuns;   // run folders to open (compare mode for two or more)
  std::string sweepFolder;             // open this sweep folder in the sweep view
  std::string resumeRun;               // continue this recorded run live (the Resume button)
  std::string compareWith;             // "key=value": also train the lesson with this change
  bool overlay = false;                // compare mode starts with the runs overlaid
  bool swipe = false;                  // or with two runs' pictures under a swipe divider
  bool difference = false;             // or with two runs' image grids and |A - B|
  std::string compareView;             // compare mode starts on this view (its title)
  std::optional<std::int64_t> cursor;  // the global step to show them at (--step)
  std::string runsDirectory;           // where recorded runs go; empty: the remembered one
  bool noRecord = false;               // do not record what is trained
  bool showRunsBrowser = false;        // start with the runs browser open
  bool hideSidePanel = false;          // start with the side panel hidden (F6)
  std::string memoryBudget;            // "512M"; empty: the remembered one, else the default

  // Scripted runs (tests, figure export). A scripted run does not read or write the remembered
  // layout, so it is reproducible.
  std::int64_t steps = 0;    // training steps to take before the screenshot
  int frames = 0;            // frames to draw (after the steps are done, at least this many)
  bool play = false;         // play (at the lesson's speed) instead of stepping
  std::string screenshot;    // PNG of the whole window, written before exit
  std::string reportFrames;  // JSON with frame-time statistics
  std::string reportLayout;  // JSON: every view on screen in the screenshotted frame
  bool everyView = false;    // each tab in turn as the large view; the report lists them all
  // The soak run (ui/lab/soak_tour.h): every lesson in turn with a twin and an export, for
  // soakCycles passes, resident memory sampled; the report is written to soakReport.
  std::string soakReport;
  int soakCycles = 2;
  double soakDwellSeconds = 100.0;
  double soakSampleSeconds = 10.0;
  bool exitWhenDone = false;

  // Any scripted option makes the run scripted: it does its work, then exits.
  bool scripted() const {
    return exitWhenDone || !screenshot.empty() || !reportFrames.empty() || !reportLayout.empty() ||
           steps > 0 || frames > 0 || play || !soakReport.empty();
  }
};

}  // namespace genlab::lab
