#include "core/models/nb/nb_config.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "core/util/errors.h"

namespace genlab::nb {

std::string_view toString(NbKind kind) {
  switch (kind) {
    case NbKind::Gaussian:
      return "gaussian";
    case NbKind::Bernoulli:
      return "bernoulli";
    case NbKind::Multinomial:
      return "multinomial";
  }
  return "?";
}

NbKind parseNbKind(std::string_view name, std::string_view key) {
  for (auto kind : {NbKind::Gaussian, NbKind::Bernoulli, NbKind::Multinomial}) {
    if (name == toString(kind)) return kind;
  }
  throw ConfigError(std::string(key) + ": \"" + std::string(name) +
                    "\" is not one of \"gaussian\", \"bernoulli\", \"multinomial\"");
}

namespace {

void requireNonNegative(double value, const char* option) {
  if (!(std::isfinite(value) && value >= 0.0)) {
    std::ostringstream message;
    message << option << ": " << value << " must be a finite number >= 0";
    throw ConfigError(message.str());
  }
}

}  // namespace

void NbConfig::validate() const {
  requireNonNegative(varSmoothing, "--var-smoothing");
  requireNonNegative(alpha, "--alpha");
  if (binarize && !std::isfinite(*binarize)) {
    throw ConfigError("--binarize: must be a finite number");
  }
}

double NbConfig::effectiveAlpha() const {
  return std::max(alpha, kMinAlpha);
}

}  // namespace genlab::nb
