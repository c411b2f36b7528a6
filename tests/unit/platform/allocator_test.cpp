// keepFreedMemoryForReuse: a large block freed and allocated again comes back without page
// faults, where glibc's defaults hand it to the kernel and fault every page in afresh.
// releaseMemoryOf: a thread arena's peak, freed inside it, leaves resident memory; freed outside
// it and trimmed, it stays (glibc's malloc_trim leaves a thread arena's top alone).
// allocateLargeTable: tables from 2 MiB up start on a 2 MiB boundary, so that huge pages can
// back them from their first byte.

#include "core/platform/allocator.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include "core/platform/memory_info.h"

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

// A trainer thread's life in miniature: 48 blocks of 1 MiB (under the 32 MiB mmap threshold, so
// they come from the thread's arena) allocated and written; the thread frees 40 of them itself,
// as a training step frees its activations, and ends. The first 8 (the model) are returned for
// another thread to free, as the session reaper destroys a closed lesson's trainer.
std::vector<char*> trainerThreadModel() {
  std::vector<char*> model;
  std::thread trainer([&model] {
    std::vector<char*> blocks;
    for (int i = 0; i < 48; ++i) {
      auto* block = static_cast<char*>(std::malloc(1u << 20));
      std::memset(block, 1, 1u << 20);
      blocks.push_back(block);
    }
    for (std::size_t i = 8; i < blocks.size(); ++i) std::free(blocks[i]);
    model.assign(blocks.begin(), blocks.begin() + 8);
  });
  trainer.join();
  return model;
}

void freeAll(const std::vector<char*>& blocks) {
  for (char* block : blocks) std::free(block);
}

double residentAnonymousMiB() {
  return static_cast<double>(genlab::platform::residentAnonymousBytes()) / (1 << 20);
}

TEST(AllocatorTest, ReleaseMemoryOfHandsAThreadArenasPeakBackToTheSystem) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "the sanitizers bring their own allocator";
#else
  genlab::platform::keepFreedMemoryForReuse();
  genlab::platform::releaseFreeMemory();  // what earlier tests freed is not this test's
  const double before = residentAnonymousMiB();
  // Freed and trimmed the usual way, most of the 48 MiB stays resident in the thread's arena
  // (44 MiB with Debian 12's glibc 2.36).
  freeAll(trainerThreadModel());
  genlab::platform::releaseFreeMemory();
  const double keptByTrim = residentAnonymousMiB() - before;
  if (keptByTrim < 24.0) {
    GTEST_SKIP() << "this glibc's malloc_trim releases a thread arena's top (kept " << keptByTrim
                 << " MiB): nothing left to show";
  }
  // The same life again (in the same arena, now free), the model freed inside releaseMemoryOf.
  const std::vector<char*> model = trainerThreadModel();
  const double held = residentAnonymousMiB();
  genlab::platform::releaseMemoryOf([&] { freeAll(model); });
  const double released = held - residentAnonymousMiB();
  EXPECT_GT(released, 40.0) << "of the 48 MiB, only " << released
                            << " MiB went back (malloc_trim alone kept " << keptByTrim << " MiB)";
  // The policy is back: a block freed and allocated again costs no page faults.
  faultsForOneBlock(24u << 20);
  EXPECT_LT(faultsForOneBlock(24u << 20), (24l << 20) / 4096 / 20);
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
