// keepFreedMemoryForReuse: a large block freed and allocated again comes back without page
// faults, where glibc's defaults hand it to the kernel and fault every page in afresh.
// allocateLargeTable: tables from 2 MiB up start on a 2 MiB boundary, so that huge pages can
// back them from their first byte.

#include "core/platform/allocator.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cstdint>
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

TEST(AllocatorTest, LargeTablesStartOnAHugePageBoundary) {
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  for (const std::size_t count :
       {std::size_t{1} << 18, std::size_t{6400000}, std::size_t{3} << 22}) {
    const genlab::platform::LargeTable table = genlab::platform::allocateLargeTable(count);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(table.get()) % kHugePage, 0u) << count;
    table[0] = 1.0;
    table[count - 1] = 2.0;  // the whole table is usable
    EXPECT_EQ(table[0] + table[count - 1], 3.0);
  }
  EXPECT_NE(genlab::platform::allocateLargeTable(0), nullptr);  // an empty table is still a block
  EXPECT_NE(genlab::platform::allocateLargeTable(3), nullptr);
}

}  // namespace
