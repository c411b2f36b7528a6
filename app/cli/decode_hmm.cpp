#include "app/cli/decode_hmm.h"

#include <iomanip>
#include <iostream>
#include <memory>
#include <string>

#include "app/cli/commands.h"
#include "core/models/hmm/forward_backward.h"
#include "core/models/hmm/model_json.h"
#include "core/models/hmm/sequence_files.h"
#include "core/models/hmm/viterbi.h"

namespace genlab::cli {

namespace {

struct DecodeHmmOptions {
  std::string model;
  std::string data;
  bool json = false;
};

void runDecodeHmm(const DecodeHmmOptions& opt) {
  using namespace genlab::hmm;
  const HmmModel model = readModelFile(opt.model);
  const Observations obs = loadForModel(opt.data, model);
  checkObservations(model, obs, opt.data);
  const ForwardBackward fb = forwardBackward(model, obs);
  const RowMatrix gamma = fb.gamma();
  const ViterbiResult vit = viterbi(model, obs);

  if (opt.json) {
    nlohmann::json posteriors = nlohmann::json::array();
    for (Index t = 0; t < gamma.rows(); ++t)
      posteriors.push_back(
          std::vector<double>(gamma.row(t).data(), gamma.row(t).data() + gamma.cols()));
    const nlohmann::json j = {{"log_likelihood", fb.logLikelihood},
                              {"viterbi_path", vit.path},
                              {"viterbi_log_prob", vit.logProb},
                              {"posteriors", posteriors}};
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << std::setprecision(12) << "log-likelihood: " << fb.logLikelihood << "\n"
            << "viterbi log-probability: " << vit.logProb << "\n"
            << std::setprecision(4) << std::fixed << "t\tviterbi";
  for (Index i = 0; i < gamma.cols(); ++i) std::cout << "\tP(z=" << i << ")";
  std::cout << "\n";
  for (Index t = 0; t < gamma.rows(); ++t) {
    std::cout << t << "\t" << vit.path[t];
    for (Index i = 0; i < gamma.cols(); ++i) std::cout << "\t" << gamma(t, i);
    std::cout << "\n";
  }
}

}  // namespace

void registerDecodeHmm(CLI::App& decode) {
  auto opt = std::make_shared<DecodeHmmOptions>();
  CLI::App* cmd = decode.add_subcommand("hmm", "Viterbi path and posteriors under an HMM");
  cmd->add_option("--model", opt->model, "Model JSON (as written by `genlab fit hmm`)")->required();
  cmd->add_option("--data", opt->data, "Sequence file: symbols or numeric CSV")->required();
  cmd->add_flag("--json", opt->json,
                "Print log_likelihood, viterbi_path, viterbi_log_prob, posteriors as JSON");
  cmd->callback([opt] {
    try {
      runDecodeHmm(*opt);
    } catch (const std::exception& e) {
      throw CliFailure(std::string("decode hmm: ") + e.what());
    }
  });
}

}  // namespace genlab::cli
