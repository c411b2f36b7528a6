#include "core/platform/allocator.h"

#include <malloc.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <new>

#include "core/platform/memory_info.h"

namespace genlab::platform {
namespace {

constexpr int kTrimThreshold = 256 << 20;  // keepFreedMemoryForReuse's

}  // namespace

void keepFreedMemoryForReuse() {
  // 32 MiB is the largest mmap threshold glibc accepts on 64-bit (HEAP_MAX_SIZE / 2); setting
  // it also turns off the threshold's self-adjustment, which is what we want: one fixed rule.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
  // glibc gives threads their own arenas, up to 8 per core, and an arena's memory is only
  // reused by threads that get that arena later. A lesson's trainer thread ends on the session
  // reaper while the next lesson's starts, so each switch could take a fresh arena: the short
  // soak's resident memory grew 12-19% from its first pass to its second, against -0.1 to 0%
  // with 4 arenas (the lab runs at most 4 trainers at once).
  // A person's own setting (GLIBC_TUNABLES=glibc.malloc.arena_max=N) wins over this one.
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables == nullptr || std::strstr(tunables, "arena_max") == nullptr) mallopt(M_ARENA_MAX, 4);
}

void releaseMemoryOf(const std::function<void()>& release) {
  // One page: every free of 64 KiB or more that `release` makes trims its arena's top down to
  // the top pad (M_TOP_PAD, 128 KiB by default). The guard sets the policy back, even on throw.
  struct RestoreTrimThreshold {
    ~RestoreTrimThreshold() { mallopt(M_TRIM_THRESHOLD, kTrimThreshold); }
  } restore;
  mallopt(M_TRIM_THRESHOLD, 4096);
  release();
  releaseFreeMemory();  // the free pages inside every arena, and the main heap's top
}

LargeTable allocateLargeTable(std::size_t count) {
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  const std::size_t bytes = std::max<std::size_t>(count, 1) * sizeof(double);
  if (bytes < kHugePage) {
    LargeTable table(static_cast<double*>(std::malloc(bytes)));
    if (!table) throw std::bad_alloc();
    return table;
  }
  const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  LargeTable table(static_cast<double*>(std::aligned_alloc(kHugePage, rounded)));
  if (!table) throw std::bad_alloc();
  madvise(table.get(), rounded, MADV_HUGEPAGE);  // advice only: failure leaves 4 KiB pages
  return table;
}

}  // namespace genlab::platform
