#pragma once
// Ctrl-C and SIGTERM for a command that must end cleanly: the handler only sets a flag (all a
// signal handler may do), and a watcher thread turns the flag into a stop request that long
// work polls through its stop_token. One per process at a time.

#include <stop_token>
#include <thread>

namespace genlab::cli {

class InterruptWatcher {
 public:
  InterruptWatcher();  // installs the handlers for SIGINT and SIGTERM
  ~InterruptWatcher();
  InterruptWatcher(const InterruptWatcher&) = delete;
  InterruptWatcher& operator=(const InterruptWatcher&) = delete;

  std::stop_token token() const { return m_stop.get_token(); }
  bool interrupted() const;  // a signal came

 private:
  std::stop_source m_stop;
  std::jthread m_watcher;
};

}  // namespace genlab::cli
