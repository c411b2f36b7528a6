#include "core/platform/process_setup.h"

#include "core/platform/allocator.h"
#include "core/platform/threading.h"

namespace genlab::platform {

void prepareProcess(int argc, char** argv) {
  reexecWithThreadEnvironment(argc, argv);  // first: it may replace the process
  keepFreedMemoryForReuse();
}

}  // namespace genlab::platform
