#include <gtest/gtest.h>

#include <cstdlib>
#include <thread>

#include "core/platform/threading.h"

// libgomp is in every test binary through LibTorch; its ICV is what OpenBLAS reads.
extern "C" int omp_get_max_threads();

namespace genlab::platform {
namespace {

TEST(ThreadPolicy, ANewThreadTakesThePolicysCountOnlyWhenItAdoptsIt) {
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  if (cores < 2) GTEST_SKIP() << "needs two cores to tell 1 thread from the default";
  setenv("GENLAB_THREADS", "1", 1);
  applyThreadPolicy(ThreadMode::kHeadless);
  unsetenv("GENLAB_THREADS");
  int before = 0;
  int after = 0;
  std::thread([&] {
    before = omp_get_max_threads();  // OpenMP's default for a new thread: every core
    adoptThreadPolicyOnThisThread();
    after = omp_get_max_threads();
  }).join();
  EXPECT_EQ(before, cores);
  EXPECT_EQ(after, 1);
}

}  // namespace
}  // namespace genlab::platform
