// The ui suite's main: runs the tests, then checks for leaks itself before any library unloads.
//
// Under AddressSanitizer, LeakSanitizer normally checks at exit, from an atexit handler that runs
// after Mesa's and X11's own teardown has started. Its tracer stops every thread to scan their
// stacks, and twice in CI a driver thread dying at that moment crashed the tracer after every
// test had passed. Checking here, while the process is quiet and nothing is being torn down,
// keeps leak checking of our code on; _Exit then skips the teardown the check no longer needs.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  const int result = RUN_ALL_TESTS();
#if defined(__SANITIZE_ADDRESS__)
  __lsan_do_leak_check();  // exits with LeakSanitizer's code when it finds a leak
  std::fflush(nullptr);
  std::_Exit(result);
#endif
  return result;
}
