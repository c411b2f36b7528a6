// keepFreedMemoryForReuse: a large block freed and allocated again comes back without page
// faults, where glibc's defaults hand it to the kernel and fault every page in afresh.

#include "core/platform/allocator.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cstdlib>
#include <cstring>

namespace {

long minorFaults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

// Page faults taken while a fresh `bytes`-long block is allocated, written and freed.
long faultsForOneBlock(std::size_t bytes) {
  const long before = minorFaults();
  auto* block = static_cast<char*>(std::malloc(bytes));
  std::memset(block, 1, bytes);
  asm volatile("" : : "r"(block) : "memory");  // the writes must happen
  std::free(block);
  return minorFaults() - before;
}

TEST(AllocatorTest, AFreedTrainingSizedBlockIsReusedWithoutPageFaults) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "the sanitizers bring their own allocator";
#else
  constexpr std::size_t kBytes = 24u << 20;  // a large activation buffer, under 32 MiB
  constexpr long kPages = static_cast<long>(kBytes / 4096);
  genlab::platform::keepFreedMemoryForReuse();
  faultsForOneBlock(kBytes);  // the first use of the memory faults it in, whatever the policy
  // glibc's defaults would serve every round by mmap (or trim it) and fault all 6144 pages in.
  for (int round = 0; round < 3; ++round) {
    EXPECT_LT(faultsForOneBlock(kBytes), kPages / 20) << "round " << round;
  }
#endif
}

}  // namespace
