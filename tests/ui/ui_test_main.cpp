// The ui suite's main. Under AddressSanitizer it turns LeakSanitizer off for this suite and
// runs without driver threads, then _Exits without Mesa's and X11's teardown.
//
// Why: LeakSanitizer's tracer (the task that stops the process to scan it) crashed with SIGSEGV
// after a passing test, in CI at exit during Mesa's teardown and on a loaded 2-core machine at an
// explicit check with a single thread left. ASan still checks every access; the unit suites keep
// leak checks for core. The settings are made here, before any GL context exists, because
// ctest's per-test environment list does not reach tests that gtest_discover_tests generates.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
#if defined(__SANITIZE_ADDRESS__)
  // llvmpipe rasterises on the calling thread; no shader-cache writer thread.
  setenv("LP_NUM_THREADS", "0", 0);
  setenv("MESA_SHADER_CACHE_DISABLE", "true", 0);
#endif
  testing::InitGoogleTest(&argc, argv);
  const int result = RUN_ALL_TESTS();
#if defined(__SANITIZE_ADDRESS__)
  // _Exit skips atexit handlers, LeakSanitizer's end-of-process check among them.
  std::fflush(nullptr);
  std::_Exit(result);
#endif
  return result;
}
