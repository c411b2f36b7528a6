#pragma once
// `genlab fit hmm`: Baum-Welch on one or more sequence files; prints the fitted model.
// Documented in README.md ("Command line").

#include <CLI/CLI.hpp>

namespace genlab::cli {

// Adds the `hmm` subcommand under `fit`.
void registerFitHmm(CLI::App& fit);

}  // namespace genlab::cli
