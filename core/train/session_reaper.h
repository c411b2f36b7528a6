#pragma once
// Ends sessions away from the thread that closes them. A session's destructor waits for its
// trainer's current step, which polls the stop token but may be long (a 28x28 PixelCNN step
// with its held-out evaluation took 5 s on the 2-core machine under load, a whole model of the
// leaderboard longer): the lab's UI thread hands a closed run's session here and draws on.
//
// Invariants: every session handed over is asked to stop at once and destroyed, in the order
// given, on the reaper's thread; when the reaper is destroyed (or waitUntilEmpty returns) every
// session handed over before has ended, its observers told (a recorded run's folder is final).

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "core/train/session.h"

namespace genlab::train {

class SessionReaper {
 public:
  SessionReaper();
  ~SessionReaper();  // joins: ends every session still held
  SessionReaper(const SessionReaper&) = delete;
  SessionReaper& operator=(const SessionReaper&) = delete;

  // Signals the session to stop now; it is destroyed on the reaper's thread. Null is ignored.
  void retire(std::unique_ptr<Session> session);
  // Sessions handed over and not yet destroyed (the one being destroyed included).
  std::size_t pending() const;
  // Blocks until every session handed over so far is destroyed (for the soak's memory figure
  // and tests, never a UI frame).
  void waitUntilEmpty() const;

 private:
  void threadMain(std::stop_token stop);

  mutable std::mutex m_mutex;
  mutable std::condition_variable_any m_changed;
  std::deque<std::unique_ptr<Session>> m_queue;
  std::size_t m_ending = 0;  // taken off the queue, being destroyed
  std::jthread m_thread;     // last: it starts after the members it uses exist
};

}  // namespace genlab::train
