#include "core/platform/process_memory.h"

#include <malloc.h>
#include <unistd.h>

#include <fstream>

namespace genlab::platform {

std::optional<std::int64_t> residentBytes() {
  // statm: size resident shared text lib data dt, in pages.
  std::ifstream statm("/proc/self/statm");
  std::int64_t sizePages = 0;
  std::int64_t residentPages = 0;
  if (!(statm >> sizePages >> residentPages)) return std::nullopt;
  const long pageSize = ::sysconf(_SC_PAGESIZE);
  if (pageSize <= 0) return std::nullopt;
  return residentPages * static_cast<std::int64_t>(pageSize);
}

void releaseFreeMemory() { ::malloc_trim(0); }

}  // namespace genlab::platform
