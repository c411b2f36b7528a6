#include "core/util/non_finite.h"

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <mutex>
#include <optional>

namespace genlab {
namespace {

struct Injection {
  std::string quantity;  // "*": any
  std::int64_t step = 0;
};

// The hook is rarely set, and checked a few times a step (50,000 steps a second for a GMM): a
// relaxed flag keeps the common case to one load; the spec itself sits behind a mutex.
std::atomic<bool> g_armed{false};
std::mutex g_mutex;
std::optional<Injection> g_injection;

std::optional<Injection> parse(const std::string& spec) {
  if (spec.empty()) return std::nullopt;
  const auto at = spec.rfind('@');
  const auto fail = [&] {
    return ConfigError("GENLAB_INJECT_NAN: \"" + spec +
                       "\" is not quantity@step (for example \"generator loss@6\")");
  };
  if (at == std::string::npos || at == 0 || at + 1 == spec.size()) throw fail();
  Injection injection{spec.substr(0, at), 0};
  try {
    std::size_t used = 0;
    injection.step = std::stoll(spec.substr(at + 1), &used);
    if (used != spec.size() - at - 1 || injection.step < 1) throw fail();
  } catch (const std::logic_error&) {
    throw fail();
  }
  return injection;
}

void install(const std::string& spec) {
  auto injection = parse(spec);
  std::lock_guard lock(g_mutex);
  g_injection = std::move(injection);
  g_armed.store(g_injection.has_value(), std::memory_order_relaxed);
}

// Reads the environment once, the first time anything asks (a malformed value is reported by
// every check until it is fixed, which stops training with the message).
void readEnvironmentOnce() {
  static const bool done = [] {
    const char* spec = std::getenv("GENLAB_INJECT_NAN");
    if (spec != nullptr) install(spec);
    return true;
  }();
  (void)done;
}

}  // namespace

NonFiniteError::NonFiniteError(std::string quantity, std::int64_t step, double value,
                               std::string detail)
    : NumericError(quantity + " became " + (std::isnan(value) ? "NaN" : "infinite") + " at step " +
                   std::to_string(step) + (detail.empty() ? "" : ": " + detail)),
      m_quantity(std::move(quantity)),
      m_step(step),
      m_nan(std::isnan(value)) {}

void setInjectedNonFinite(const std::string& spec) {
  readEnvironmentOnce();  // so the environment, read later, cannot overwrite this
  install(spec);
}

bool injectedFailure(std::string_view quantity, std::int64_t step) {
  readEnvironmentOnce();
  if (!g_armed.load(std::memory_order_relaxed)) return false;
  std::lock_guard lock(g_mutex);
  const bool hit = g_injection && g_injection->step == step &&
                   (g_injection->quantity == "*" || g_injection->quantity == quantity);
  if (hit) {
    // Once: a resumed session takes the same step again and must get past it.
    g_injection.reset();
    g_armed.store(false, std::memory_order_relaxed);
  }
  return hit;
}

void checkFinite(double value, std::string_view quantity, std::int64_t step,
                 std::string_view detail) {
  if (std::isfinite(value) && !injectedFailure(quantity, step)) return;
  std::string why(detail);
  if (std::isfinite(value)) {
    value = std::numeric_limits<double>::quiet_NaN();
    why += std::string(why.empty() ? "" : " ") + "(injected by GENLAB_INJECT_NAN)";
  }
  throw NonFiniteError(std::string(quantity), step, value, why);
}

}  // namespace genlab
