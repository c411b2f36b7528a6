#pragma once
// This process's resident memory, read from /proc/self/statm: what the soak run samples and
// what the memory budgets are checked against.

#include <cstdint>
#include <optional>

namespace genlab::platform {

// Resident set size in bytes; nothing where /proc cannot be read (not Linux).
std::optional<std::int64_t> residentBytes();

// Hands the heap's free memory back to the kernel (glibc's malloc_trim), so that resident
// memory measures what is in use rather than what allocator.h keeps for reuse.
void releaseFreeMemory();

}  // namespace genlab::platform
