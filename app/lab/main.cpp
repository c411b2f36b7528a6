// genlab: the lab window, or with a subcommand (train, sweep, fit, ...) the command line.

#include <iostream>

#include "app/cli/commands.h"
#include "app/cli/export_command.h"
#include "core/platform/process_setup.h"
#include "ui/export/run_export.h"
#include "ui/lab/lab_app.h"

namespace {

// Whether argv[1] names one of the command line's subcommands: asked of the command tree
// itself, so a new subcommand needs no second list here.
bool isSubcommand(const char* word) {
  CLI::App commands{"genlab"};
  genlab::cli::registerAllCommands(commands);
  for (const auto* command : commands.get_subcommands({}))
    if (command->get_name() == word) return true;
  return false;
}

// `genlab export`'s pictures, drawn by the lab's views (genlab-cli has no GL to draw them).
void exportView(const genlab::cli::ViewExportArgs& args) {
  genlab::exporting::RunViewExport request;
  request.run = args.run;
  request.view = args.view;
  request.step = args.step;
  request.png = args.png;
  request.framesDir = args.framesDir;
  request.gif = args.gif;
  request.fps = args.fps;
  request.range = {args.from, args.to, args.count};
  request.render = {args.width, args.height, args.scale, args.present, {}};
  request.caption = args.caption;
  genlab::exporting::exportRunView(request, std::cout);
}

int runLab(int argc, char** argv) {
  genlab::lab::LabOptions options;
  CLI::App app{
      "genlab: a lab for generative models. Without a subcommand it opens the lab window.\n"
      "Subcommands (each has --help): train, sweep, runs, export, fit, decode, word2vec, "
      "leaderboard, info"};
  app.add_option("--lesson", options.lessonFile, "Open this lesson file")->check(CLI::ExistingFile);
  app.add_flag("--present", options.present, "Start in presentation mode (F5 toggles)");
  app.add_option("--width", options.width, "Window width")->check(CLI::Range(320, 8192));
  app.add_option("--height", options.height, "Window height")->check(CLI::Range(240, 8192));
  app.add_option("--seed", options.seed, "Seed for the lesson's session");
  app.add_option("--set", options.overrides, "Override a setting of the lesson: key=value");
  app.add_option("--display", options.display,
                 "How the views start: key=value, as in a lesson's \"display\" object");
  app.add_option("--open", options.openRuns,
                 "Open a recorded run folder (repeat for two to four: compare mode)")
      ->check(CLI::ExistingDirectory);
  app.add_option("--sweep", options.sweepFolder,
                 "Open a sweep folder (its subfolders are runs): a metric against the swept "
                 "settings, with a band over seeds")
      ->check(CLI::ExistingDirectory);
  app.add_option("--resume", options.resumeRun,
                 "Continue a recorded run live from its last checkpoint, recording into it")
      ->check(CLI::ExistingDirectory);
  app.add_option("--compare-with", options.compareWith,
                 "Train the lesson twice side by side, the second with this change: key=value");
  app.add_flag("--overlay", options.overlay,
               "Compare mode: draw the runs into one picture where the view can (GMM)");
  app.add_flag("--swipe", options.swipe,
               "Compare mode with two runs: one picture, a divider between run A and run B");
  app.add_flag("--difference", options.difference,
               "Compare mode with two runs: their image grids and |A - B| beside them");
  app.add_option("--compare-view", options.compareView,
                 "Compare mode starts on the view with this title (default: the lesson's first)");
  app.add_option("--step", options.cursor, "Show the opened runs at this step")
      ->check(CLI::NonNegativeNumber);
  app.add_option(
      "--runs", options.runsDirectory,
      "Folder the lab records runs to and browses (default: ~/.local/share/genlab/runs)");
  app.add_flag("--no-record", options.noRecord, "Do not record what is trained");
  app.add_option("--memory-budget", options.memoryBudget,
                 "Bytes the lab may keep for timelines, metrics and loaded runs, e.g. 512M or 2G "
                 "(default 512M; docs/MEMORY.md)");
  app.add_flag("--browse", options.showRunsBrowser, "Start with the runs browser open (Ctrl+O)");
  app.add_flag("--no-side-panel", options.hideSidePanel,
               "Start with the side panel hidden (F6 shows it): the pictures take the width");
  auto* scripted = "Scripted runs (tests, figures)";
  app.add_option("--steps", options.steps, "Take N training steps, then draw --frames")
      ->group(scripted);
  app.add_option("--frames", options.frames, "Frames to draw before the screenshot / exit")
      ->group(scripted);
  app.add_flag("--play", options.play, "Play at full speed while drawing --frames")
      ->group(scripted);
  app.add_option("--screenshot", options.screenshot, "Save a PNG of the window, then exit")
      ->group(scripted);
  app.add_option("--report-frames", options.reportFrames, "Write frame-time statistics (JSON)")
      ->group(scripted);
  app.add_option(
         "--report-layout", options.reportLayout,
         "Write each view on screen in the last frame: run, view, step, rectangle, the labels "
         "its pictures drew, and the panels' extents (JSON)")
      ->group(scripted);
  app.add_option("--soak", options.soakReport,
                 "Tour every lesson with a twin and an export each, sampling resident memory; "
                 "write the report (JSON) here, then exit")
      ->group(scripted);
  app.add_option("--soak-cycles", options.soakCycles, "Soak: passes over all lessons")
      ->check(CLI::Range(1, 1000))
      ->group(scripted);
  app.add_option("--soak-dwell", options.soakDwellSeconds, "Soak: seconds per lesson")
      ->check(CLI::Range(0.5, 86400.0))
      ->group(scripted);
  app.add_option("--soak-sample", options.soakSampleSeconds,
                 "Soak: seconds between resident-memory samples")
      ->check(CLI::Range(0.1, 3600.0))
      ->group(scripted);
  app.add_flag("--every-view", options.everyView,
               "With --report-layout: draw --frames frames with each tab's view as the large one "
               "in turn, and report every frame's views")
      ->group(scripted);
  app.add_flag("--exit", options.exitWhenDone, "Exit after --steps and --frames")->group(scripted);
  CLI11_PARSE(app, argc, argv);
  try {
    genlab::lab::LabApp lab(options);
    return lab.run();
  } catch (const std::exception& error) {
    std::cerr << "genlab: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  genlab::platform::prepareProcess(argc, argv);
  if (argc > 1 && isSubcommand(argv[1])) {
    CLI::App app{"genlab"};
    genlab::cli::registerAllCommands(app);
    genlab::cli::setViewExporter(exportView);
    return genlab::cli::runCommandLine(app, argc, argv);
  }
  return runLab(argc, argv);
}
