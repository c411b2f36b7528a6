#include "core/run/sweep_runner.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <map>
#include <thread>

#include "core/util/errors.h"

extern char** environ;

namespace genlab::run {
namespace {

// Our environment with `extra` added; an entry of `extra` replaces ours of the same name.
std::vector<std::string> mergedEnvironment(const std::vector<std::string>& extra) {
  std::map<std::string, std::string> byName;
  std::vector<std::string> order;
  auto add = [&](const std::string& entry) {
    const std::string name = entry.substr(0, entry.find('='));
    if (byName.find(name) == byName.end()) order.push_back(name);
    byName[name] = entry;
  };
  for (char** entry = environ; *entry != nullptr; ++entry) add(*entry);
  for (const auto& entry : extra) add(entry);
  std::vector<std::string> merged;
  for (const auto& name : order) merged.push_back(byName[name]);
  return merged;
}

std::vector<char*> pointersTo(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& text : strings) pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

pid_t spawnChild(const ChildCommand& command) {
  if (command.argv.empty()) throw DataError("sweep: a child command without a program");
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // A shell starts background jobs with SIGINT ignored, and exec keeps what is ignored: reset
  // both stop signals so a child always hears the Ctrl-C the sweep forwards.
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
  posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  if (!command.log.empty()) {
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, command.log.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
  }
  std::vector<std::string> argv = command.argv;
  std::vector<std::string> environment = mergedEnvironment(command.environment);
  auto argvPointers = pointersTo(argv);
  auto environmentPointers = pointersTo(environment);
  pid_t pid = 0;
  const int error = posix_spawn(&pid, argv[0].c_str(), &files, &attributes, argvPointers.data(),
                                environmentPointers.data());
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attributes);
  if (error != 0)
    throw DataError(command.argv[0] + ": cannot start (" + std::strerror(error) + ")");
  return pid;
}

ChildExit exitFrom(int status) {
  ChildExit exit;
  if (WIFEXITED(status)) exit.exitCode = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) exit.signal = WTERMSIG(status);
  return exit;
}

}  // namespace

std::vector<std::optional<ChildExit>> runChildren(const std::vector<ChildCommand>& commands,
                                                  int jobs, std::stop_token stop,
                                                  const ChildEvents& events) {
  std::vector<std::optional<ChildExit>> results(commands.size());
  std::map<pid_t, std::size_t> running;  // pid -> command index
  std::size_t next = 0;
  bool forwarded = false;
  std::optional<DataError> startFailure;
  while (true) {
    const bool stopping = stop.stop_requested() || startFailure.has_value();
    while (!stopping && next < commands.size() && static_cast<int>(running.size()) < jobs) {
      try {
        running[spawnChild(commands[next])] = next;
      } catch (const DataError& error) {
        startFailure = error;
        break;
      }
      if (events.started) events.started(next);
      ++next;
    }
    if ((stop.stop_requested() || startFailure) && !forwarded) {
      for (const auto& [pid, index] : running) kill(pid, SIGINT);
      forwarded = true;
    }
    for (auto it = running.begin(); it != running.end();) {
      int status = 0;
      const pid_t done = waitpid(it->first, &status, WNOHANG);
      if (done == it->first || (done < 0 && errno == ECHILD)) {
        const std::size_t index = it->second;
        results[index] = done == it->first ? exitFrom(status) : ChildExit{};
        it = running.erase(it);
        if (events.ended) events.ended(index, *results[index]);
      } else {
        ++it;
      }
    }
    const bool finished = running.empty() && (next == commands.size() || stop.stop_requested() ||
                                              startFailure.has_value());
    if (finished) break;
    if (events.idle) events.idle();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (startFailure) throw *startFailure;
  return results;
}

}  // namespace genlab::run
