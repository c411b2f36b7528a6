#include "core/platform/process_setup.h"

#include <cstring>

#include "core/platform/allocator.h"
#include "core/platform/threading.h"

namespace genlab::platform {

namespace {

// Subcommands that never train or run OpenMP work: re-executing for the thread environment
// would only double their start-up (0.3 s of the 0.8 s `genlab runs list` took).
bool commandNeedsThreadEnvironment(int argc, char** argv) {
  return !(argc > 1 && std::strcmp(argv[1], "runs") == 0);
}

}  // namespace

void prepareProcess(int argc, char** argv) {
  // First: it may replace the process.
  if (commandNeedsThreadEnvironment(argc, argv)) reexecWithThreadEnvironment(argc, argv);
  keepFreedMemoryForReuse();
}

}  // namespace genlab::platform
