#pragma once
// The one way a trainer says "this quantity is no longer a number". Every trainer checks what
// it owns (losses, gradients, parameters, log-likelihoods) before the update that would carry
// the bad value into its state, so when NonFiniteError is thrown the trainer still holds the
// last good step and the session can show, save and resume from it (docs/RUNS.md "When
// training fails").
//
// Testing hook: GENLAB_INJECT_NAN=quantity@step makes checkFinite (and injectedFailure) treat
// the named quantity at the named step as NaN, as if training had really diverged there. It is
// read here and nowhere else; "*" as the quantity matches the first check at that step. It fires
// once, so training resumed from the last good state goes on past that step. Tests that run in
// one process may set it with setInjectedNonFinite instead.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/util/errors.h"

namespace genlab {

class NonFiniteError : public NumericError {
 public:
  // `detail` says how it happened and what to try; what() is the whole sentence.
  NonFiniteError(std::string quantity, std::int64_t step, double value, std::string detail = "");
  // "discriminator loss", "generator gradient (layer 2.weight)", "log-likelihood", ...
  const std::string& quantity() const { return m_quantity; }
  // The step that failed (1-based, the step the trainer was taking); stepsDone() is one less.
  std::int64_t step() const { return m_step; }
  // "NaN" or "infinite".
  const char* kind() const { return m_nan ? "NaN" : "infinite"; }

 private:
  std::string m_quantity;
  std::int64_t m_step;
  bool m_nan;
};

// What the gradient-descent trainers add to the message: they refuse the update.
inline constexpr std::string_view kStepNotApplied =
    "the update was not applied; try a smaller learning rate";

// Throws NonFiniteError when `value` is NaN or infinite, or when the testing hook names this
// quantity and step.
void checkFinite(double value, std::string_view quantity, std::int64_t step,
                 std::string_view detail = "");

// Whether the testing hook names `quantity` at `step` (and disarms it when it does); for checks
// that are not a single value (core/nn/finite_check.h).
bool injectedFailure(std::string_view quantity, std::int64_t step);

// Replaces what GENLAB_INJECT_NAN said ("quantity@step", or "" for none). Throws ConfigError on
// a malformed spec. For tests; safe to call while trainers run.
void setInjectedNonFinite(const std::string& spec);

}  // namespace genlab
