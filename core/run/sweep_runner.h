#pragma once
// Runs a list of commands as child processes, at most `jobs` at a time, in list order: the
// local executor of `genlab sweep`, one `genlab train` process per run. Nothing here knows
// about training; tests drive it with /bin/sh.
//
// Stopping: once `stop` is requested no further child starts, and every running child gets
// SIGINT once (the sweep's Ctrl-C or SIGTERM, forwarded: `genlab train` then checkpoints and
// marks its run "interrupted"). runChildren returns when every started child has exited; it
// never kills a child outright, so a run always gets to close its folder.
//
// Threads: runChildren blocks the calling thread and polls its children every 20 ms; `stop`
// may be requested from any thread (a signal watcher). The callbacks run on the calling thread.

#include <filesystem>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace genlab::run {

struct ChildCommand {
  std::vector<std::string> argv;         // argv[0] is the executable's path
  std::vector<std::string> environment;  // "NAME=value" added to (or replacing in) ours
  std::filesystem::path log;             // stdout and stderr appended here; empty: ours
};

struct ChildExit {
  int exitCode = -1;  // when it exited
  int signal = 0;     // when a signal ended it
  bool succeeded() const { return signal == 0 && exitCode == 0; }
};

struct ChildEvents {
  std::function<void(std::size_t index)> started;
  std::function<void(std::size_t index, const ChildExit& exit)> ended;
  std::function<void()> idle;  // between polls, about every 20 ms
};

// One result per command: the exit of those that ran, nullopt for those never started (stopped
// first). Throws DataError naming the executable or log file when a child cannot be started;
// children already running are then stopped as above before it throws.
std::vector<std::optional<ChildExit>> runChildren(const std::vector<ChildCommand>& commands,
                                                  int jobs, std::stop_token stop,
                                                  const ChildEvents& events = {});

}  // namespace genlab::run
