#pragma once
// How genlab's processes ask glibc's malloc to treat the large tensors training allocates, and
// memory for one large table that is filled and read back once.

#include <cstddef>
#include <cstdlib>
#include <functional>
#include <memory>

namespace genlab::platform {

// Keeps freed blocks of up to 32 MiB in the process for reuse instead of handing them back to
// the kernel. By default glibc serves blocks above a (self-adjusting) threshold with mmap and
// trims the heap whenever its free top grows past twice that, so a training step that frees
// and reallocates the same activation buffers pays page faults and page zeroing on every step:
// 10% of a DCGAN step's time was in the kernel, and the step took 13% longer (the 2-core
// reference machine, 2026-11-22). The price is that up to 256 MiB a heap may stay mapped after
// a peak. Call once, first thing in main(), before any thread starts.
void keepFreedMemoryForReuse();

// Runs `release` (code that frees a large structure: a closed lesson's trainer) and hands the
// memory it frees back to the kernel, in every arena it came from, then trims the whole heap
// (glibc's malloc_trim). malloc_trim alone does not: when a thread has freed a peak in its own
// arena (a training step's activations) and ended, most of it stays resident (44 of 48 MiB in
// allocator_test), because glibc shrinks a thread arena's top only when a free of 64 KiB or
// more in that arena finds the top above the trim threshold, and keepFreedMemoryForReuse's
// 256 MiB is above a thread arena's whole 64 MiB heap. So the threshold is lowered while
// `release` runs and set back to keepFreedMemoryForReuse's after. In the soak this took the
// settled resident memory from 412-428 MB to 310 MB and made it the same in every pass
// (docs/SOAK.md). Other threads that free a large block meanwhile trim their arena too, which
// costs them a few page faults, no more. Not reentrant: call from one thread (the reaper).
void releaseMemoryOf(const std::function<void()>& release);

struct FreeDeleter {
  void operator()(void* p) const noexcept { std::free(p); }
};
using LargeTable = std::unique_ptr<double[], FreeDeleter>;

// `count` uninitialised doubles for a table too large to reuse, such as Viterbi's T x K delta
// table (51 MB at T = 1e5, K = 64). Blocks above the 32 MiB mmap threshold are fresh pages on
// every allocation, and faulting 51 MB in 4 KiB at a time took 23 ms, a third of a whole
// Viterbi decode. From 2 MiB up the block is aligned to 2 MiB and advised MADV_HUGEPAGE, so
// that where transparent huge pages are "always" or "madvise" the kernel maps it in 2 MiB
// pages: 5 ms for the same table (the 2-core reference machine). Elsewhere the advice is
// ignored. Throws std::bad_alloc.
LargeTable allocateLargeTable(std::size_t count);

}  // namespace genlab::platform
