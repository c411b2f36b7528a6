#pragma once
// `genlab fit gmm`: EM on a CSV file of points; prints the fitted mixture (a summary, or JSON).
// Documented in README.md ("Command line").

#include <CLI/CLI.hpp>

namespace genlab::cli {

// Adds the `gmm` subcommand under `fit`. Its callback throws ConfigError, DataError or
// NumericError (one line naming the option, file or quantity) for the caller to print.
void registerFitGmm(CLI::App& fit);

}  // namespace genlab::cli
