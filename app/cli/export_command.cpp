// genlab export RUN... [--view NAME] (--png FILE | --frames DIR | --gif FILE | --csv FILE)...

#include "app/cli/export_command.h"

#include <unistd.h>

#include <charconv>
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "core/run/curves_csv.h"
#include "core/run/run_format.h"
#include "core/run/run_info.h"

namespace genlab::cli {
namespace {

ViewExporter& installedExporter() {
  static ViewExporter exporter;
  return exporter;
}

bool writableFolder(const std::filesystem::path& folder) {
  std::error_code error;
  return std::filesystem::is_directory(folder, error) && ::access(folder.c_str(), W_OK) == 0;
}

struct ExportOptions {
  std::vector<std::filesystem::path> runs;
  ViewExportArgs view;
  std::optional<std::int64_t> step;
  std::string png;
  std::string frames;
  std::string gif;
  std::string csv;
  std::string size;
};

void runExport(const ExportOptions& o) {
  ViewExportArgs args = o.view;
  args.png = o.png;
  args.framesDir = o.frames;
  args.gif = o.gif;
  args.step = o.step;
  const bool picture = !o.png.empty() || !o.frames.empty() || !o.gif.empty();
  if (!picture && o.csv.empty())
    throw CliFailure("export: nothing to write: give --png, --frames, --gif or --csv");
  for (const auto& folder : o.runs)
    if (!run::isRunFolder(folder))
      throw CliFailure("export: " + folder.string() + " is not a run folder (no " + run::kRunFile +
                       ")");
  if (picture) {
    if (o.runs.size() != 1)
      throw CliFailure("export: --png, --frames and --gif draw one run; " +
                       std::to_string(o.runs.size()) + " were given");
    if (args.view.empty())
      throw CliFailure("export: --view is needed with --png, --frames or --gif");
    if (!o.size.empty()) parseSize(o.size, args.width, args.height);
    if ((args.from || args.to || args.count) && o.frames.empty() && o.gif.empty())
      throw CliFailure("export: --from, --to and --count choose the timeline of --frames or --gif");
    if (!o.png.empty()) checkWritableFile("--png", o.png);
    if (!o.gif.empty()) checkWritableFile("--gif", o.gif);
    if (!o.frames.empty()) {
      std::error_code error;
      std::filesystem::create_directories(o.frames, error);
      if (error || !writableFolder(o.frames))
        throw CliFailure("--frames " + o.frames + ": cannot write into this folder" +
                         (error ? ": " + error.message() : std::string()));
    }
    if (!installedExporter())
      throw CliFailure(
          "export: --png, --frames and --gif draw with OpenGL, which genlab-cli does not have: "
          "use the genlab binary (with a display, or under xvfb-run)");
  }
  if (!o.csv.empty()) checkWritableFile("--csv", o.csv);
  // Read the curves before drawing, so a run without metrics is refused before anything runs.
  const auto curves =
      o.csv.empty() ? std::vector<run::CurveSource>{} : run::readCurveSources(o.runs);
  args.run = o.runs.front();
  if (picture) installedExporter()(args);
  if (!o.csv.empty()) {
    run::writeCurvesCsv(curves, o.csv);
    std::cout << "wrote " << o.csv << " (" << curves.size() << " runs)\n";
  }
}

}  // namespace

void setViewExporter(ViewExporter exporter) {
  installedExporter() = std::move(exporter);
}

void parseSize(const std::string& text, int& width, int& height) {
  const auto x = text.find_first_of("xX");
  auto number = [&](std::string_view part, int& value) {
    const auto result = std::from_chars(part.data(), part.data() + part.size(), value);
    return result.ec == std::errc() && result.ptr == part.data() + part.size();
  };
  int w = 0;
  int h = 0;
  if (x == std::string::npos || !number(std::string_view(text).substr(0, x), w) ||
      !number(std::string_view(text).substr(x + 1), h))
    throw CliFailure("--size \"" + text + "\": expected WIDTHxHEIGHT in pixels, e.g. 1920x1080");
  if (w < 16 || h < 16 || w > 16384 || h > 16384)
    throw CliFailure("--size " + text + ": each side must be 16 to 16384 pixels");
  width = w;
  height = h;
}

void checkWritableFile(const std::string& option, const std::filesystem::path& file) {
  std::error_code error;
  if (std::filesystem::is_directory(file, error))
    throw CliFailure(option + " " + file.string() + ": is a folder, not a file");
  const std::filesystem::path folder =
      file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  if (!writableFolder(folder))
    throw CliFailure(
        option + " " + file.string() + ": cannot write there (" + folder.string() +
        (std::filesystem::is_directory(folder, error) ? " is not writable)" : " does not exist)"));
}

void registerExport(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand(
      "export",
      "Export a recorded run's view as a PNG, its timeline as PNG frames or an animated GIF, "
      "or the curves of runs as CSV (docs/EXPORT.md)");
  cmd->add_option("runs", options->runs, "Run folder(s); --csv takes several")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--view", options->view.view,
                  "The view to draw: its title as the lab shows it (any case) or its slug "
                  "(\"Latent space\" or latent-space)");
  cmd->add_option("--step", options->step,
                  "--png: the step to show (the checkpoint at or before it; default: the last)");
  cmd->add_option("--png", options->png, "Write the view as a PNG");
  cmd->add_option("--frames", options->frames,
                  "Write the timeline as frame_0001.png, ... into this folder");
  cmd->add_option("--gif", options->gif, "Write the timeline as an animated GIF");
  cmd->add_option("--fps", options->view.fps, "GIF frames a second (default 10)")
      ->check(CLI::Range(0.5, 50.0));
  cmd->add_option("--from", options->view.from, "Timeline: first step (default: the first)");
  cmd->add_option("--to", options->view.to, "Timeline: last step (default: the last)");
  cmd->add_option("--count", options->view.count,
                  "Timeline: this many checkpoints, evenly spread (default: all in range)");
  cmd->add_option("--size", options->size, "Picture size in pixels, WxH (default 1600x900)");
  cmd->add_option("--scale", options->view.scale,
                  "Type and strokes this many times the lab's 1x size (default: height / 720)")
      ->check(CLI::Range(0.25, 16.0));
  cmd->add_flag("--present", options->view.present, "Presentation style (large type)");
  cmd->add_flag("!--no-caption", options->view.caption,
                "No \"<view> · step N\" line above the picture");
  cmd->add_option("--csv", options->csv,
                  "Write the runs' curves as CSV: a step column, then run/metric columns");
  cmd->callback([options] { runExport(*options); });
}

}  // namespace genlab::cli
