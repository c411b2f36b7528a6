#pragma once
// How much memory this machine can give, and how much this process holds, from /proc.

#include <cstdint>
#include <optional>
#include <string>

namespace genlab::platform {

// MemAvailable from /proc/meminfo: what new allocations can get without swapping. The
// environment variable GENLAB_MEMORY_AVAILABLE ("8G", "512M") replaces it, so tests and people
// can ask what a smaller machine would refuse. Empty when neither can be read.
std::optional<std::uint64_t> availableMemoryBytes();

// "needs about 31 GiB of memory, but this machine has 20 GiB available (MemAvailable)" when
// `needed` bytes exceed availableMemoryBytes(); empty when they fit or nothing is known.
std::string memoryShortfall(std::uint64_t needed);

// VmRSS from /proc/self/status: resident bytes of this process now (0 when unreadable).
std::uint64_t residentBytes();

// RssAnon from /proc/self/status: the resident part of residentBytes() that is the process's own
// memory (heap, mmapped blocks, stacks), without the pages of shared libraries and files read in
// (RssFile), which the kernel drops and reads back as it needs (0 when unreadable).
std::uint64_t residentAnonymousBytes();

// Bytes the C heap has handed out and not had back (glibc's mallinfo2, every arena, mmapped
// blocks included). Against residentBytes() it tells a store that keeps memory (both grow) from
// memory the allocator or a driver keeps (only the resident figure grows).
std::uint64_t heapInUseBytes();

// Hands the heap's free memory back to the kernel (glibc's malloc_trim), so that resident
// memory measures what is in use rather than what allocator.h keeps for reuse.
void releaseFreeMemory();

}  // namespace genlab::platform
