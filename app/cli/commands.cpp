#include "app/cli/commands.h"

#include <iostream>

#include "app/cli/decode_hmm.h"
#include "app/cli/export_command.h"
#include "app/cli/fit_dbm.h"
#include "app/cli/fit_gmm.h"
#include "app/cli/fit_hmm.h"
#include "app/cli/fit_nb.h"
#include "app/cli/fit_rbm.h"
#include "app/cli/fit_word2vec.h"
#include "app/cli/sample_command.h"
#include "app/cli/word2vec_query.h"
#include "core/util/errors.h"

namespace genlab::cli {

void registerAllCommands(CLI::App& app) {
  app.require_subcommand(1);
  registerInfo(app);
  registerTrain(app);
  registerRuns(app);
  registerExport(app);
  registerSweep(app);
  registerLeaderboard(app);
  auto* fit = app.add_subcommand("fit", "Fit a model to a data file and print it");
  fit->require_subcommand(1);
  registerFitGmm(*fit);
  registerFitHmm(*fit);
  registerFitNb(*fit);
  registerFitRbm(*fit);
  registerFitDbm(*fit);
  registerFitWord2Vec(*fit);
  auto* decode = app.add_subcommand("decode", "Decode data with a saved model");
  decode->require_subcommand(1);
  registerDecodeHmm(*decode);
  registerWord2VecQueries(app);
  registerSample(app);
}

int runCommandLine(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  } catch (const CliExit& request) {
    return request.code;
  } catch (const std::exception& error) {
    // ConfigError, DataError, NumericError and CliFailure already name the file or quantity.
    std::cerr << "genlab: " << error.what() << '\n';
    return 1;
  }
  return 0;
}

}  // namespace genlab::cli
