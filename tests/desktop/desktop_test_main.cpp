// The desktop suite runs under the same main as the ui suite: GL driver threads off and no
// LeakSanitizer pass under ASan (Mesa and Qt keep buffers for the process lifetime, and
// LSan's tracer crashed after passing tests); see tests/ui/ui_test_main.cpp.
#include "../ui/ui_test_main.cpp"  // NOLINT(bugprone-suspicious-include)
