#pragma once
// `genlab word2vec neighbours FILE WORD...` and `genlab word2vec analogy FILE A B C`: queries of
// a word2vec text file (ours or any other tool's). Documented in docs/WORD2VEC.md.

#include <CLI/CLI.hpp>

namespace genlab::cli {

void registerWord2VecQueries(CLI::App& app);

}  // namespace genlab::cli
