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

void registerInfo(CLI::App& app);
void registerTrain(CLI::App& app);
void registerFitGmm(CLI::App& fit);
void registerFitHmm(CLI::App& fit);
void registerDecodeHmm(CLI::App& decode);

// Builds the whole command tree (everything but the lab window). Returns the root.
void registerAllCommands(CLI::App& app);

// Runs the command line; returns the process exit code.
int runCommandLine(CLI::App& app, int argc, char** argv);

}  // namespace genlab::cli
