#include "ui/export/run_export.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <thread>

#include "core/util/errors.h"
#include "ui/export/gif_writer.h"
#include "ui/gl/offscreen_context.h"
#include "ui/gl/png.h"
#include "ui/lab/open_run.h"

namespace genlab::exporting {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string checkpointRange(const run::RunInfo& info) {
  return std::to_string(info.checkpoints.front().step) + " to " +
         std::to_string(info.checkpoints.back().step) + " (" +
         std::to_string(info.checkpoints.size()) + " checkpoints)";
}

// Loads the checkpoint shown for `step` and returns its snapshot, waiting as the lab would
// over several frames. Throws DataError when it does not load.
train::SnapshotPtr snapshotAt(lab::OpenRun& run, std::int64_t step) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (std::chrono::steady_clock::now() < deadline) {
    run.poll();
    train::SnapshotPtr snapshot = run.snapshotFor(step);
    if (!run.loading() && snapshot && run.shownStep() == step) return snapshot;
    if (!run.loading() && run.shownStep() != step && run.session().idle()) {
      // A load that failed leaves the cursor's step unshown: say why.
      std::string why;
      for (const auto& message : run.takeMessages()) why += (why.empty() ? "" : "; ") + message;
      if (!why.empty())
        throw DataError(run.folder().string() + ": checkpoint at step " + std::to_string(step) +
                        " does not load: " + why);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  throw DataError(run.folder().string() + ": checkpoint at step " + std::to_string(step) +
                  " did not load within two minutes");
}

// The run's metrics as they were at `step`: curves in a picture of step N end at N, and grow
// from frame to frame of a timeline.
views::MetricsCache metricsUpTo(const views::MetricsCache& all, std::int64_t step) {
  std::vector<train::MetricsRow> rows;
  for (const auto& row : all.rows())
    if (row.step <= step) rows.push_back(row);
  views::MetricsCache cache;
  cache.assign(all.columns(), std::move(rows));
  return cache;
}

std::string joinTitles(const std::vector<views::View*>& views) {
  std::string text;
  for (const views::View* view : views)
    text += (text.empty() ? "" : ", ") +
            ("\"" + view->title() + "\" (" + viewSlug(view->title()) + ")");
  return text;
}

}  // namespace

std::string viewSlug(const std::string& title) {
  std::string slug;
  for (unsigned char c : title) {
    if (std::isalnum(c)) {
      slug += static_cast<char>(std::tolower(c));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

views::View* findView(const std::vector<views::View*>& views, const std::string& name) {
  const std::string wanted = lower(name);
  for (views::View* view : views)
    if (lower(view->title()) == wanted || viewSlug(view->title()) == wanted) return view;
  return nullptr;
}

std::vector<std::int64_t> timelineSteps(const run::RunInfo& info, const TimelineRange& range) {
  if (info.checkpoints.empty())
    throw DataError(info.folder.string() + ": the run has no checkpoints to show");
  const std::int64_t from = range.from.value_or(info.checkpoints.front().step);
  const std::int64_t to = range.to.value_or(info.checkpoints.back().step);
  if (from > to)
    throw ConfigError("--from " + std::to_string(from) + " is after --to " + std::to_string(to));
  std::vector<std::int64_t> steps;
  for (const auto& checkpoint : info.checkpoints)
    if (checkpoint.step >= from && checkpoint.step <= to) steps.push_back(checkpoint.step);
  if (steps.empty())
    throw ConfigError("--from " + std::to_string(from) + " --to " + std::to_string(to) +
                      ": the run has no checkpoint in that range; its checkpoints are at steps " +
                      checkpointRange(info));
  if (!range.count) return steps;
  const int count = *range.count;
  if (count < 1) throw ConfigError("--count " + std::to_string(count) + " must be at least 1");
  if (static_cast<std::size_t>(count) > steps.size())
    throw ConfigError("--count " + std::to_string(count) + ": the run has only " +
                      std::to_string(steps.size()) + " checkpoints between steps " +
                      std::to_string(steps.front()) + " and " + std::to_string(steps.back()));
  if (count == 1) return {steps.back()};
  std::vector<std::int64_t> chosen;
  const double last = static_cast<double>(steps.size() - 1);
  for (int i = 0; i < count; ++i) {
    const auto index = static_cast<std::size_t>(std::lround(i * last / (count - 1)));
    chosen.push_back(steps[index]);
  }
  return chosen;
}

void exportRunView(const RunViewExport& request, std::ostream& log) {
  const bool timeline = !request.framesDir.empty() || !request.gif.empty();
  const run::RunInfo info = run::readRunInfo(request.run);
  if (info.checkpoints.empty())
    throw DataError(request.run.string() + ": the run has no checkpoints to show");
  // The steps first: they need only run.json.
  std::vector<std::int64_t> steps;
  if (timeline) steps = timelineSteps(info, request.range);
  std::int64_t pngStep = info.checkpoints.back().step;
  if (request.step) {
    if (*request.step < info.checkpoints.front().step || *request.step > info.stepsDone)
      throw ConfigError("--step " + std::to_string(*request.step) + ": the run shows steps " +
                        checkpointRange(info));
    pngStep = info.checkpointAtOrBefore(*request.step)->step;
  }

  gl::OffscreenContext context;
  auto run = lab::OpenRun::recorded(request.run);
  const std::vector<views::View*> views = run->ui().views();
  views::View* view = findView(views, request.view);
  if (!view)
    throw ConfigError("--view \"" + request.view + "\": " + request.run.string() + " (" +
                      info.model + ") has the views " + joinTitles(views));
  ViewRenderer renderer(request.render);
  auto draw = [&](std::int64_t step) {
    const train::SnapshotPtr snapshot = snapshotAt(*run, step);
    if (request.caption)
      renderer.setCaption(view->title() + "  \xC2\xB7  step " + std::to_string(step));
    const views::MetricsCache metrics = metricsUpTo(run->metrics(), step);
    const ViewInputs inputs{run->session(), snapshot, metrics, run->lesson()};
    // Three frames, waiting for the replayed model between them: views that ask it for
    // pictures (decoded samples) show them on a later frame.
    return renderer.render(*view, inputs, 3, 2000);
  };

  if (!request.png.empty()) {
    if (request.step && pngStep != *request.step)
      log << "step " << *request.step << " has no checkpoint: showing the one at step " << pngStep
          << '\n';
    gl::writePng(request.png, draw(pngStep));
    log << "wrote " << request.png.string() << " (" << request.render.width << "x"
        << request.render.height << ", step " << pngStep << ")\n";
  }
  if (!timeline) return;
  std::unique_ptr<GifWriter> gif;
  if (!request.gif.empty())
    gif = std::make_unique<GifWriter>(request.gif, request.render.width, request.render.height,
                                      request.fps);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const gl::ImageRgba image = draw(steps[i]);
    if (!request.framesDir.empty()) {
      char name[32];
      std::snprintf(name, sizeof name, "frame_%04zu.png", i + 1);
      gl::writePng(request.framesDir / name, image);
    }
    if (gif) gif->addFrame(image);
  }
  if (!request.framesDir.empty())
    log << "wrote " << steps.size() << " frames to " << request.framesDir.string() << " (steps "
        << steps.front() << " to " << steps.back() << ")\n";
  if (gif) {
    gif->finish();
    log << "wrote " << request.gif.string() << " (" << steps.size() << " frames, steps "
        << steps.front() << " to " << steps.back() << ")\n";
  }
}

}  // namespace genlab::exporting
