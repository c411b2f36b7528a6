#pragma once
// main() for the Google Benchmark programs: the benchmark runs with the same OpenMP environment
// (core/platform/threading.h re-executes the program with it) and malloc settings
// (core/platform/allocator.h) as genlab's executables, so a figure measured here is the figure
// the lab and the command line get.

#include <benchmark/benchmark.h>

#include "core/platform/allocator.h"
#include "core/platform/threading.h"

#define GENLAB_BENCHMARK_MAIN()                                       \
  int main(int argc, char** argv) {                                   \
    genlab::platform::reexecWithThreadEnvironment(argc, argv);        \
    genlab::platform::keepFreedMemoryForReuse();                      \
    benchmark::Initialize(&argc, argv);                               \
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1; \
    benchmark::RunSpecifiedBenchmarks();                              \
    benchmark::Shutdown();                                            \
    return 0;                                                         \
  }                                                                   \
  static_assert(true, "a semicolon after GENLAB_BENCHMARK_MAIN() is required")
