#pragma once
// A value published by one thread and read by others as an immutable shared_ptr. The lock is
// held only for the pointer copy, never while the value is built or used, so a reader (the UI
// frame) never waits on a writer's work.

#include <memory>
#include <mutex>

namespace genlab::train {

template <class T>
class Published {
 public:
  void publish(std::shared_ptr<const T> value) {
    std::lock_guard lock(m_mutex);
    m_value.swap(value);
    // The old value (now in `value`) is released after the lock, outside the critical section.
  }

  std::shared_ptr<const T> get() const {
    std::lock_guard lock(m_mutex);
    return m_value;
  }

 private:
  mutable std::mutex m_mutex;
  std::shared_ptr<const T> m_value;
};

}  // namespace genlab::train
