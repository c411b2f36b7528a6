#include "app/cli/interrupt_watcher.h"

#include <atomic>
#include <chrono>
#include <csignal>

namespace genlab::cli {
namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int) {
  g_interrupted.store(true);
}

}  // namespace

InterruptWatcher::InterruptWatcher() {
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  m_watcher = std::jthread([this](std::stop_token stop) {
    while (!stop.stop_requested() && !g_interrupted.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (g_interrupted.load()) m_stop.request_stop();
  });
}

InterruptWatcher::~InterruptWatcher() {
  m_watcher.request_stop();
}

bool InterruptWatcher::interrupted() const {
  return g_interrupted.load();
}

}  // namespace genlab::cli
