// The ui suite's main: runs the tests, then, under AddressSanitizer, checks for leaks itself
// (when ASAN_OPTIONS allows it) before any library unloads, and _Exits without Mesa's and X11's
// teardown. The asan preset turns leak checks off for this suite (tests/CMakeLists.txt says why);
// a person chasing a leak in the ui code runs it with detect_leaks=1, and the check then happens
// here, while the process is quiet, rather than at exit during the drivers' teardown.

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
