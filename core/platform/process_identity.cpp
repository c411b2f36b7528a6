#include "core/platform/process_identity.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>

namespace genlab::platform {

std::string hostName() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "unknown";
  return name;
}

int currentProcessId() {
  return static_cast<int>(getpid());
}

std::uint64_t processStartTicks(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  if (!std::getline(in, text)) return 0;
  // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
  const auto close = text.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(text.substr(close + 1));
  std::string field;
  // Fields 3..21 come before the start time (field 22).
  for (int i = 3; i <= 21; ++i) fields >> field;
  std::uint64_t ticks = 0;
  fields >> ticks;
  return fields ? ticks : 0;
}

namespace {

// The state letter of /proc/<pid>/stat (field 3): 'Z' is a zombie, dead but not yet reaped.
char processState(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  if (!std::getline(in, text)) return '?';
  const auto close = text.rfind(')');
  return close != std::string::npos && close + 2 < text.size() ? text[close + 2] : '?';
}

}  // namespace

bool processAlive(int pid, std::uint64_t startTicks) {
  if (pid <= 0) return false;
  if (kill(pid, 0) != 0 && errno != EPERM) return false;
  if (processState(pid) == 'Z') return false;
  if (startTicks == 0) return true;
  const std::uint64_t now = processStartTicks(pid);
  return now == 0 || now == startTicks;
}

}  // namespace genlab::platform
