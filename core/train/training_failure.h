#pragma once
// Why training stopped, as the session, the run folder and the lab report it.

#include <cstdint>
#include <exception>
#include <string>

namespace genlab::train {

struct TrainingFailure {
  // Which quantity turned NaN or infinite ("generator loss", "component 3 covariance"); empty
  // for another numeric failure, which the message describes.
  std::string quantity;
  std::string kind;  // "NaN" or "infinite" (with a quantity)
  // The step that failed; the trainer still holds step - 1, the last good one.
  std::int64_t step = 0;
  std::string message;  // the whole sentence, for the person watching
};

// What `error`, thrown by the step after `stepsDone`, says: a NonFiniteError names its quantity
// and step; anything else is the next step's failure, described by its message.
TrainingFailure describeFailure(const std::exception& error, std::int64_t stepsDone);

}  // namespace genlab::train
