#pragma once
// The message of the error a call throws, for tests that compare whole messages: a message is
// what a person reads, so its every word is part of the behaviour.

#include <string>

namespace genlab::test {

// What `fn()` throws as an `Error` (its what()), or "(no error)" when it returns normally.
template <class Error, class Fn>
std::string messageOf(Fn&& fn) {
  try {
    fn();
  } catch (const Error& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace genlab::test
