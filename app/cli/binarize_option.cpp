#include "app/cli/binarize_option.h"

#include <charconv>
#include <cmath>

#include "core/util/errors.h"

namespace genlab::cli {

std::optional<double> parseBinarizeOption(const std::string& text) {
  if (text == "none") return std::nullopt;
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    throw ConfigError("--binarize: \"" + text + "\" is not a number or \"none\"");
  }
  return value;
}

}  // namespace genlab::cli
