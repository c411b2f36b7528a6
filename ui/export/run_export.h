#pragma once
// `genlab export`'s pictures: a recorded run's view at one step as a PNG, or over its recorded
// timeline as a numbered PNG sequence and an animated GIF. The run is opened as the lab opens it
// (ui/lab/open_run.h: the trainer rebuilt from run.json, a checkpoint loaded per step shown)
// and drawn by ui/export/view_render.h.
//
// Everything the request names is checked before anything is drawn or written: the view, the
// step (within the run's checkpoints), the timeline range and frame count.

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/run/run_info.h"
#include "ui/export/view_render.h"

namespace genlab::exporting {

// A view title as a command-line word: lower case, runs of other characters as one '-'
// ("BIC and AIC against K" -> "bic-and-aic-against-k").
std::string viewSlug(const std::string& title);

// The view whose title, ignoring case, or whose slug is `name`; null when none.
views::View* findView(const std::vector<views::View*>& views, const std::string& name);

struct TimelineRange {
  std::optional<std::int64_t> from;  // default: the first checkpoint
  std::optional<std::int64_t> to;    // default: the last
  std::optional<int> count;          // default: every checkpoint in the range
};

// The checkpoint steps a timeline export shows: those in [from, to]; with `count`, that many
// of them spread evenly, the first and the last included. Throws ConfigError naming --from,
// --to or --count and the run's range when the request cannot be met.
std::vector<std::int64_t> timelineSteps(const run::RunInfo& info, const TimelineRange& range);

struct RunViewExport {
  std::filesystem::path run;
  std::string view;
  std::optional<std::int64_t> step;  // for png: default the newest checkpoint
  std::filesystem::path png;
  std::filesystem::path framesDir;  // frame_0001.png, frame_0002.png, ...
  std::filesystem::path gif;
  double fps = 10.0;
  TimelineRange range;
  RenderSettings render;
  bool caption = true;  // "<view>  ·  step N" above the picture
};

// Checks, then draws and writes; one line per file written to `log`. Needs a display (it
// makes its own hidden GL context). Throws ConfigError or DataError naming what is wrong.
void exportRunView(const RunViewExport& request, std::ostream& log);

}  // namespace genlab::exporting
