#pragma once
// `genlab fit word2vec`: trains word vectors on a text file and writes them in the word2vec text
// format. Documented in docs/WORD2VEC.md.

#include <CLI/CLI.hpp>

namespace genlab::cli {

// Adds the `word2vec` subcommand under `fit`. Its callback throws ConfigError or DataError (one
// line naming the option or file) for the caller to print.
void registerFitWord2Vec(CLI::App& fit);

}  // namespace genlab::cli
