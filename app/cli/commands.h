#pragma once
// Each subcommand lives in its own file and adds itself to the parent command it belongs under.
// Callbacks run inside CLI11's parse; they report errors by throwing CliFailure, which main turns
// into one line on stderr and a non-zero exit.

#include <CLI/CLI.hpp>
#include <stdexcept>

namespace genlab::cli {

struct CliFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Ends the command with `code` after its own clean-up (an interrupted run exits with 130, as
// shells expect of a command stopped by Ctrl-C). Not an error: nothing is printed.
struct CliExit {
  int code = 0;
};

void registerInfo(CLI::App& app);
void registerTrain(CLI::App& app);
void registerRuns(CLI::App& app);  // runs list, runs show
void registerSweep(CLI::App& app);
void registerLeaderboard(CLI::App& app);
// fit gmm, fit hmm, decode hmm, fit nb, fit word2vec and the word2vec queries live in
// fit_gmm.h, fit_hmm.h, decode_hmm.h, fit_nb.h, fit_word2vec.h and word2vec_query.h.

// Builds the whole command tree (everything but the lab window). Returns the root.
void registerAllCommands(CLI::App& app);

// Runs the command line; returns the process exit code.
int runCommandLine(CLI::App& app, int argc, char** argv);

}  // namespace genlab::cli
