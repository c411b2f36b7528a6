// genlab-cli: the command line without the lab window (links genlab_core only).
#include "app/cli/commands.h"
#include "core/platform/allocator.h"
#include "core/platform/threading.h"

int main(int argc, char** argv) {
  genlab::platform::reexecWithThreadEnvironment(argc, argv);
  genlab::platform::keepFreedMemoryForReuse();
  CLI::App app{"genlab: train and fit generative models from the command line"};
  genlab::cli::registerAllCommands(app);
  return genlab::cli::runCommandLine(app, argc, argv);
}
