#include "core/platform/allocator.h"

#include <malloc.h>

namespace genlab::platform {

void keepFreedMemoryForReuse() {
  // 32 MiB is the largest mmap threshold glibc accepts on 64-bit (HEAP_MAX_SIZE / 2); setting
  // it also turns off the threshold's self-adjustment, which is what we want: one fixed rule.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

}  // namespace genlab::platform
