#pragma once
// What every genlab executable (the lab, the command line, the benchmarks) does first thing in
// main(), before any thread starts, so that a figure measured in a benchmark is the figure the
// lab gets: the OpenMP environment (threading.h; may re-execute the program) and malloc's
// treatment of large blocks (allocator.h).

namespace genlab::platform {

void prepareProcess(int argc, char** argv);

}  // namespace genlab::platform
