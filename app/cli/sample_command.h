#pragma once
// genlab sample: text from a character-level (charrnn) run's last checkpoint.

#include <CLI/CLI.hpp>

namespace genlab::cli {

void registerSample(CLI::App& app);

}  // namespace genlab::cli
