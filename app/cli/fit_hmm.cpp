#include "app/cli/fit_hmm.h"

#include <iomanip>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/cli/commands.h"
#include "core/models/hmm/forward_backward.h"
#include "core/models/hmm/hmm_trainer.h"
#include "core/models/hmm/model_json.h"
#include "core/models/hmm/sequence_files.h"

namespace genlab::cli {

namespace {

struct FitHmmOptions {
  std::vector<std::string> data;
  long states = 2;
  std::string emission = "discrete";
  std::uint64_t seed = 0;
  long maxIter = 200;
  double tol = 1e-6;
  bool json = false;
  std::string out;
};

void printMatrix(std::ostream& os, const std::string& title, const hmm::RowMatrix& m) {
  os << title << ":\n";
  for (hmm::Index i = 0; i < m.rows(); ++i) {
    os << "  state " << i << ":";
    for (hmm::Index j = 0; j < m.cols(); ++j) os << " " << std::setw(10) << m(i, j);
    os << "\n";
  }
}

void runFitHmm(const FitHmmOptions& opt) {
  using namespace genlab::hmm;
  const EmissionKind kind =
      opt.emission == "gaussian" ? EmissionKind::Gaussian : EmissionKind::Discrete;
  const std::vector<std::filesystem::path> files(opt.data.begin(), opt.data.end());
  SequenceSet data = loadSequences(files, kind);

  nlohmann::json settings = {{"states", opt.states},
                             {"emission", opt.emission},
                             {"tol", opt.tol},
                             {"max_iter", opt.maxIter}};
  if (kind == EmissionKind::Discrete) settings["symbols"] = data.symbols;
  HmmTrainer trainer(settings, data.sequences, opt.seed);

  // Iterate until the per-observation log-likelihood gains less than tol, or max_iter.
  std::vector<double> metrics(trainer.metricNames().size());
  bool converged = false;
  for (long it = 0; it < opt.maxIter && !converged; ++it) {
    trainer.step(metrics, {});
    converged = it > 0 && metrics[1] < opt.tol;
  }
  HmmModel model = trainer.model();
  model.alphabet = data.alphabet;
  double logLik = 0.0;
  for (const Observations& obs : data.sequences) logLik += logLikelihood(model, obs);

  if (!opt.out.empty()) writeModelFile(model, opt.out);
  if (opt.json) {
    nlohmann::json j = modelToJson(model);
    j["log_likelihood"] = logLik;
    j["n_iter"] = trainer.stepsDone();
    j["converged"] = converged;
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << std::setprecision(6);
  std::cout << "HMM, " << model.states() << " states, " << emissionName(model.emission)
            << " emissions: " << trainer.stepsDone() << " Baum-Welch iterations, "
            << (converged ? "converged" : "not converged (max-iter reached)") << "\n";
  std::cout << std::setprecision(12) << "log-likelihood: " << logLik << "\n"
            << std::setprecision(6);
  std::cout << "start:";
  for (Index i = 0; i < model.states(); ++i) std::cout << " " << model.start(i);
  std::cout << "\n";
  printMatrix(std::cout, "transition", model.transition);
  if (model.isDiscrete()) {
    printMatrix(std::cout, "emission_probs", model.emissionProbs);
  } else {
    printMatrix(std::cout, "means", model.means);
    printMatrix(std::cout, "variances", model.variances);
  }
}

}  // namespace

void registerFitHmm(CLI::App& fit) {
  auto opt = std::make_shared<FitHmmOptions>();
  CLI::App* cmd = fit.add_subcommand("hmm", "Fit a hidden Markov model by Baum-Welch");
  cmd->add_option("--data", opt->data,
                  "Sequence file(s): symbols (discrete) or numeric CSV (gaussian); one "
                  "sequence per file")
      ->required();
  cmd->add_option("--states", opt->states, "Number of hidden states K")
      ->required()
      ->check(CLI::Range(1, 256));
  cmd->add_option("--emission", opt->emission, "discrete or gaussian")
      ->check(CLI::IsMember({"discrete", "gaussian"}));
  cmd->add_option("--seed", opt->seed, "Seed of the random initial model");
  cmd->add_option("--max-iter", opt->maxIter, "Most Baum-Welch iterations")
      ->check(CLI::Range(1L, 1'000'000L));
  cmd->add_option("--tol", opt->tol,
                  "Stop when the log-likelihood per observation gains less than this")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--json", opt->json, "Print the model JSON with log_likelihood, n_iter, converged");
  cmd->add_option("--out", opt->out, "Also write the fitted model JSON to this file");
  cmd->callback([opt] {
    try {
      runFitHmm(*opt);
    } catch (const std::exception& e) {
      throw CliFailure(std::string("fit hmm: ") + e.what());
    }
  });
}

}  // namespace genlab::cli
