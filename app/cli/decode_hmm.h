#pragma once
// `genlab decode hmm`: log-likelihood, Viterbi path and posteriors of a sequence under a
// model file. Documented in README.md ("Command line").

#include <CLI/CLI.hpp>

namespace genlab::cli {

// Adds the `hmm` subcommand under `decode`.
void registerDecodeHmm(CLI::App& decode);

}  // namespace genlab::cli
