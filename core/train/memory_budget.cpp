#include "core/train/memory_budget.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/util/errors.h"

namespace genlab::train {

std::size_t parseByteSize(std::string_view text, std::string_view what) {
  const std::string given(text);
  const auto fail = [&](const std::string& why) -> std::size_t {
    throw ConfigError(std::string(what) + ": \"" + given + "\" " + why);
  };
  std::size_t end = 0;
  double number = 0.0;
  try {
    number = std::stod(given, &end);
  } catch (const std::exception&) {
    return fail("is not a size (write e.g. 512M or 2G)");
  }
  std::string suffix;
  for (char c : given.substr(end))
    if (!std::isspace(static_cast<unsigned char>(c)))
      suffix += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  double scale = 1.0;
  if (suffix == "" || suffix == "B") {
    scale = 1.0;
  } else if (suffix == "K" || suffix == "KB" || suffix == "KIB") {
    scale = 1024.0;
  } else if (suffix == "M" || suffix == "MB" || suffix == "MIB") {
    scale = 1024.0 * 1024.0;
  } else if (suffix == "G" || suffix == "GB" || suffix == "GIB") {
    scale = 1024.0 * 1024.0 * 1024.0;
  } else {
    return fail("has an unknown unit (use K, M or G)");
  }
  const double bytes = number * scale;
  if (!std::isfinite(bytes) || bytes < static_cast<double>(MemoryBudget::kMinimumTotal))
    return fail("is below the minimum of " + formatBytes(MemoryBudget::kMinimumTotal));
  if (bytes > 1e18) return fail("is too large");
  return static_cast<std::size_t>(bytes);
}

std::string formatBytes(std::uint64_t bytes) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024.0 && unit < 5) {
    value /= 1024.0;
    ++unit;
  }
  char text[48];
  if (unit == 0)
    std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
  else
    std::snprintf(text, sizeof text, value < 10.0 ? "%.1f %s" : "%.0f %s", value, units[unit]);
  return text;
}

}  // namespace genlab::train
