#pragma once
// main() for the Google Benchmark programs: the process is prepared as genlab's executables
// prepare theirs (core/platform/process_setup.h).

#include <benchmark/benchmark.h>

#include "core/platform/process_setup.h"

#define GENLAB_BENCHMARK_MAIN()                                       \
  int main(int argc, char** argv) {                                   \
    genlab::platform::prepareProcess(argc, argv);                     \
    benchmark::Initialize(&argc, argv);                               \
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1; \
    benchmark::RunSpecifiedBenchmarks();                              \
    benchmark::Shutdown();                                            \
    return 0;                                                         \
  }                                                                   \
  static_assert(true, "a semicolon after GENLAB_BENCHMARK_MAIN() is required")
