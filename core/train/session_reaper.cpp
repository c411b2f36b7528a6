#include "core/train/session_reaper.h"

#include "core/platform/allocator.h"

namespace genlab::train {

SessionReaper::SessionReaper() : m_thread([this](std::stop_token stop) { threadMain(stop); }) {}

SessionReaper::~SessionReaper() {
  m_thread.request_stop();
  if (m_thread.joinable()) m_thread.join();
  // The thread drains the queue before it returns; nothing is left here.
}

void SessionReaper::retire(std::unique_ptr<Session> session) {
  if (!session) return;
  session->signalStop();
  {
    std::lock_guard lock(m_mutex);
    m_queue.push_back(std::move(session));
  }
  m_changed.notify_all();
}

std::size_t SessionReaper::pending() const {
  std::lock_guard lock(m_mutex);
  return m_queue.size() + m_ending;
}

void SessionReaper::waitUntilEmpty() const {
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [this] { return m_queue.empty() && m_ending == 0; });
}

void SessionReaper::threadMain(std::stop_token stop) {
  std::unique_lock lock(m_mutex);
  for (;;) {
    // Stop is honoured only with the queue empty: a stop never leaves a session undestroyed.
    m_changed.wait(lock, stop, [this] { return !m_queue.empty(); });
    if (m_queue.empty()) return;  // stop requested, nothing left
    std::unique_ptr<Session> session = std::move(m_queue.front());
    m_queue.pop_front();
    ++m_ending;
    lock.unlock();
    session->requestStop();  // joins the trainer thread, which may finish a step first
    // A closed lesson's memory goes back to the system, not only to the allocator's free lists:
    // the next lesson may need far less, and nothing else would release a thread arena's top.
    platform::releaseMemoryOf([&session] { session.reset(); });
    lock.lock();
    --m_ending;
    m_changed.notify_all();
  }
}

}  // namespace genlab::train
