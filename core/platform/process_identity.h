#pragma once
// Who is running a run: the host, the process id and the process's start time. A pid alone is
// not enough to tell whether a run's process is still alive, because the kernel reuses pids;
// the start time (in clock ticks since boot, /proc/<pid>/stat field 22) pins one process.

#include <cstdint>
#include <string>

namespace genlab::platform {

std::string hostName();

int currentProcessId();

// This process's start time in clock ticks since boot; 0 where /proc cannot be read.
std::uint64_t processStartTicks(int pid);

// True when a process with `pid` that started at `startTicks` is alive on this host. A
// `startTicks` of 0 (unknown) trusts the pid alone.
bool processAlive(int pid, std::uint64_t startTicks);

}  // namespace genlab::platform
