#pragma once
// `genlab fit nb`: Gaussian, Bernoulli or multinomial Naive Bayes on a CSV of samples and a file
// of labels (or a built-in image set); prints the fitted model, or with --predict the class
// probabilities of other samples. Documented in README.md ("Command line") and docs/NB.md.

#include <CLI/CLI.hpp>

namespace genlab::cli {

// Adds the `nb` subcommand under `fit`. Its callback throws ConfigError or DataError (one line
// naming the option, or the file and line) for the caller to print.
void registerFitNb(CLI::App& fit);

}  // namespace genlab::cli
