#pragma once
// A value computed on the trainer thread (inside a Session::post edit) for the UI to pick up on
// a later frame. The UI never waits: it polls take() once a frame.

#include <memory>
#include <mutex>
#include <optional>

namespace genlab::views {

template <class T>
class Reply {
 public:
  void put(T value) {
    std::lock_guard lock(m_mutex);
    m_value = std::move(value);
  }
  std::optional<T> take() {
    std::lock_guard lock(m_mutex);
    std::optional<T> out;
    out.swap(m_value);
    return out;
  }

 private:
  std::mutex m_mutex;
  std::optional<T> m_value;
};

template <class T>
using ReplyPtr = std::shared_ptr<Reply<T>>;

}  // namespace genlab::views
