#include "core/platform/memory_info.h"

#include <malloc.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/train/memory_budget.h"

namespace genlab::platform {
namespace {

// The value in kB of the line "<key>: <n> kB" of a /proc file, in bytes.
std::optional<std::uint64_t> procKilobytes(const char* file, const std::string& key) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key + ":", 0) != 0) continue;
    std::istringstream fields(line.substr(key.size() + 1));
    std::uint64_t kilobytes = 0;
    if (fields >> kilobytes) return kilobytes * 1024;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::uint64_t> availableMemoryBytes() {
  if (const char* given = std::getenv("GENLAB_MEMORY_AVAILABLE"); given && *given)
    return train::parseByteSize(given, "GENLAB_MEMORY_AVAILABLE");
  return procKilobytes("/proc/meminfo", "MemAvailable");
}

std::string memoryShortfall(std::uint64_t needed) {
  const auto available = availableMemoryBytes();
  if (!available || needed <= *available) return {};
  return "needs about " + train::formatBytes(needed) + " of memory, but this machine has " +
         train::formatBytes(*available) + " available (MemAvailable)";
}

std::uint64_t residentBytes() {
  return procKilobytes("/proc/self/status", "VmRSS").value_or(0);
}

std::uint64_t residentAnonymousBytes() {
  return procKilobytes("/proc/self/status", "RssAnon").value_or(0);
}

std::uint64_t heapInUseBytes() {
  const struct mallinfo2 info = ::mallinfo2();
  return static_cast<std::uint64_t>(info.uordblks) + static_cast<std::uint64_t>(info.hblkhd);
}

void releaseFreeMemory() {
  ::malloc_trim(0);
}

}  // namespace genlab::platform
