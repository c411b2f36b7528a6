#include "core/train/training_failure.h"

#include "core/util/non_finite.h"

namespace genlab::train {

TrainingFailure describeFailure(const std::exception& error, std::int64_t stepsDone) {
  TrainingFailure failure{"", "", stepsDone + 1, error.what()};
  if (const auto* nonFinite = dynamic_cast<const NonFiniteError*>(&error)) {
    failure.quantity = nonFinite->quantity();
    failure.kind = nonFinite->kind();
    failure.step = nonFinite->step();
  }
  return failure;
}

}  // namespace genlab::train
