#pragma once
// How genlab's processes ask glibc's malloc to treat the large tensors training allocates.

namespace genlab::platform {

// Keeps freed blocks of up to 32 MiB in the process for reuse instead of handing them back to
// the kernel. By default glibc serves blocks above a (self-adjusting) threshold with mmap and
// trims the heap whenever its free top grows past twice that, so a training step that frees
// and reallocates the same activation buffers pays page faults and page zeroing on every step:
// 10% of a DCGAN step's time was in the kernel, and the step took 13% longer (the 2-core
// reference machine, 2026-11-22). The price is that up to 256 MiB a heap may stay mapped after
// a peak. Call once, first thing in main(), before any thread starts.
void keepFreedMemoryForReuse();

}  // namespace genlab::platform
