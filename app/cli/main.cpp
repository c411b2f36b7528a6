// genlab-cli: the command line without the lab window (links genlab_core only).
#include "app/cli/commands.h"
#include "core/platform/process_setup.h"

int main(int argc, char** argv) {
  genlab::platform::prepareProcess(argc, argv);
  CLI::App app{"genlab: train and fit generative models from the command line"};
  genlab::cli::registerAllCommands(app);
  return genlab::cli::runCommandLine(app, argc, argv);
}
