#include "app/cli/fit_gmm.h"

#include <algorithm>
#include <charconv>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "core/data/csv_matrix.h"
#include "core/data/json_fields.h"
#include "core/models/gmm/best_of_starts.h"
#include "core/models/gmm/gaussian_mixture.h"
#include "core/models/gmm/gmm_params_file.h"
#include "core/util/errors.h"

namespace genlab::cli {
namespace {

using gmm::GaussianMixture;
using gmm::GmmConfig;
using nlohmann::json;

struct FitGmmOptions {
  std::string data;
  std::string k;
  std::string cov = "full";
  std::string init = "kmeans";
  std::string initParams;
  std::string initMeans;
  int nInit = 1;
  double regCovar = 1e-6;
  std::uint64_t seed = 0;
  int maxIter = 100;
  double tol = 1e-3;
  int threads = 0;
  bool json = false;
};

int parseInt(const std::string& text, const std::string& option) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw ConfigError(option + ": \"" + text + "\" is not an integer");
  }
  return value;
}

void checkK(int k) {
  if (k < GmmConfig::kMinK || k > GmmConfig::kMaxK) {
    throw ConfigError("--k: " + std::to_string(k) + " is out of range [" +
                      std::to_string(GmmConfig::kMinK) + ", " + std::to_string(GmmConfig::kMaxK) +
                      "]");
  }
}

// "--k 3" -> {3, 3}; "--k 1:10" -> {1, 10}.
std::pair<int, int> parseKRange(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) {
    const int k = parseInt(text, "--k");
    checkK(k);
    return {k, k};
  }
  const int lo = parseInt(text.substr(0, colon), "--k");
  const int hi = parseInt(text.substr(colon + 1), "--k");
  checkK(lo);
  checkK(hi);
  if (lo > hi) throw ConfigError("--k: empty range " + text);
  return {lo, hi};
}

json fitToJson(const GaussianMixture& model, const gmm::BestOfStarts& starts) {
  json covariances = json::array();
  for (const auto& c : model.covariances()) covariances.push_back(data::toJson(c));
  return {{"k", model.k()},
          {"covariance", std::string(gmm::toString(model.config().covariance))},
          {"weights", data::toJson(model.weights())},
          {"means", data::toJson(model.means())},
          {"covariances", covariances},
          {"log_likelihood", model.logLikelihood()},
          {"mean_log_likelihood", model.meanLogLikelihood()},
          {"n_iter", model.iterations()},
          {"converged", model.converged()},
          {"bic", model.bic()},
          {"aic", model.aic()},
          {"n_init", starts.meanLogLikelihoods.size()},
          {"best_start", starts.best},
          {"start_mean_log_likelihoods", starts.meanLogLikelihoods}};
}

void printVector(std::ostream& out, const Eigen::VectorXd& v) {
  out << '[';
  for (Eigen::Index i = 0; i < v.size(); ++i) out << (i ? ", " : "") << v(i);
  out << ']';
}

void printSummary(std::ostream& out, const GaussianMixture& model,
                  const gmm::BestOfStarts& starts) {
  out << std::setprecision(6);
  out << "GMM K=" << model.k() << " (" << gmm::toString(model.config().covariance)
      << " covariances), " << model.numSamples() << " samples in " << model.dim() << "-D\n";
  if (starts.meanLogLikelihoods.size() > 1) {
    out << "  best of " << starts.meanLogLikelihoods.size() << " starts ("
        << gmm::toString(model.config().init) << "): start " << starts.best + 1
        << "; per-sample log-likelihoods";
    for (const double ll : starts.meanLogLikelihoods) out << ' ' << ll;
    out << '\n';
  }
  out << (model.converged() ? "  converged after " : "  stopped (not converged) after ")
      << model.iterations() << " iterations\n";
  out << "  log-likelihood " << model.logLikelihood() << " (" << model.meanLogLikelihood()
      << " per sample)\n";
  out << "  BIC " << model.bic() << "   AIC " << model.aic() << "   (" << model.numParameters()
      << " free parameters)\n";
  const auto means = model.means();
  for (int k = 0; k < model.k(); ++k) {
    out << "  component " << k << ": weight " << model.weights()(k) << ", mean ";
    printVector(out, means.row(k).transpose());
    out << "\n    covariance ";
    const auto cov = model.covariance(k);
    for (Eigen::Index i = 0; i < cov.rows(); ++i) {
      if (i) out << "\n               ";
      printVector(out, cov.row(i).transpose());
    }
    out << '\n';
  }
}

void runFitGmm(const FitGmmOptions& options) {
  GmmConfig base;
  base.covariance = gmm::parseCovarianceType(options.cov, "--cov");
  base.init = gmm::parseInitMethod(options.init, "--init");
  if (base.init == gmm::InitMethod::Manual) {
    throw ConfigError("--init: use --init-params FILE.json to give the starting parameters");
  }
  if (!(options.regCovar >= 0.0 && options.regCovar <= GmmConfig::kMaxRegCovar)) {
    throw ConfigError("--reg-covar: " + json(options.regCovar).dump() +
                      " is out of range [0, 1e6]");
  }
  if (!(options.tol >= 0.0)) throw ConfigError("--tol: must be >= 0");
  if (options.maxIter < 0 || options.maxIter > GmmConfig::kMaxMaxIter) {
    throw ConfigError("--max-iter: " + std::to_string(options.maxIter) +
                      " is out of range [0, 1000000] (0: print the start)");
  }
  if (options.nInit < 1 || options.nInit > GmmConfig::kMaxNInit) {
    throw ConfigError("--n-init: " + std::to_string(options.nInit) + " is out of range [1, " +
                      std::to_string(GmmConfig::kMaxNInit) + "]");
  }
  if (options.maxIter == 0 && options.nInit > 1) {
    throw ConfigError("--n-init: starts are compared after fitting; --max-iter 0 fits none");
  }
  base.regCovar = options.regCovar;
  base.tol = options.tol;
  base.maxIter = std::max(options.maxIter, 1);
  base.nInit = options.nInit;

  const Eigen::MatrixXd data = data::readCsvMatrix(options.data).values;

  std::unique_ptr<gmm::GmmParams> start;
  std::pair<int, int> ks{0, 0};
  if (!options.initParams.empty()) {
    start = std::make_unique<gmm::GmmParams>(gmm::readGmmParamsFile(options.initParams));
    const auto K = static_cast<int>(start->weights.size());
    checkK(K);
    if (!options.k.empty() && parseKRange(options.k) != std::pair{K, K}) {
      throw ConfigError("--k: must be " + std::to_string(K) + ", as in " + options.initParams);
    }
    if (start->means.cols() != data.cols()) {
      throw ConfigError(options.initParams + ": means have " + std::to_string(start->means.cols()) +
                        " coordinates, " + options.data + " has " + std::to_string(data.cols()) +
                        " columns");
    }
    ks = {K, K};
    base.init = gmm::InitMethod::Manual;
    base.initialMeans = start->means;
  } else {
    if (options.k.empty()) throw ConfigError("--k: required (or give --init-params)");
    ks = parseKRange(options.k);
  }
  Eigen::MatrixXd seeds;
  if (!options.initMeans.empty()) {
    if (start) throw ConfigError("--init-means: give either --init-means or --init-params");
    if (options.nInit > 1) throw ConfigError("--init-means: one start; --n-init needs drawn ones");
    seeds = data::readCsvMatrix(options.initMeans).values;
    if (ks.first != ks.second || seeds.rows() != ks.first || seeds.cols() != data.cols()) {
      throw ConfigError(options.initMeans + ": expected " + options.k + " rows of " +
                        std::to_string(data.cols()) + " columns (one seed mean per component)");
    }
  }

  if (!start && ks.second > data.rows()) {
    throw ConfigError("--k: " + std::to_string(ks.second) + " components need at least as many " +
                      "data points, " + options.data + " has " + std::to_string(data.rows()));
  }
  json all = json::array();
  for (int k = ks.first; k <= ks.second; ++k) {
    GmmConfig config = base;
    config.k = k;
    GaussianMixture model(config, data, options.seed);
    model.setThreads(options.threads);
    if (start) model.setParameters(*start);
    if (seeds.size() > 0) model.initializeFromSeeds(seeds);
    gmm::BestOfStarts starts;
    if (options.maxIter > 0) {
      starts = gmm::fitBestOfStarts(model, config.nInit);
    } else {
      starts.meanLogLikelihoods = {model.meanLogLikelihood()};
      starts.iterations = {0};
    }
    if (options.json) {
      all.push_back(fitToJson(model, starts));
    } else {
      printSummary(std::cout, model, starts);
    }
  }
  if (options.json) {
    const bool range = ks.first != ks.second;
    std::cout << (range ? all : all[0]).dump() << '\n';
  }
}

}  // namespace

void registerFitGmm(CLI::App& fit) {
  auto options = std::make_shared<FitGmmOptions>();
  auto* cmd = fit.add_subcommand("gmm", "Fit a Gaussian mixture by EM to a CSV file of points");
  cmd->add_option("--data", options->data, "CSV file, one sample per row (header optional)")
      ->required();
  cmd->add_option("--k", options->k, "Number of components, or a range A:B to fit each K");
  cmd->add_option("--cov", options->cov, "Covariance type: full, diag, spherical or tied")
      ->capture_default_str();
  cmd->add_option("--init", options->init,
                  "Start, as scikit-learn's init_params: kmeans, kmeans++, random_from_data or "
                  "random")
      ->capture_default_str();
  cmd->add_option("--n-init", options->nInit, "Starts to fit; the best is kept (and named)")
      ->capture_default_str();
  cmd->add_option("--init-means", options->initMeans,
                  "CSV of K seed means for kmeans, kmeans++ or random_from_data, instead of drawn "
                  "ones");
  cmd->add_option("--init-params", options->initParams,
                  "JSON file with starting weights, means and (full) covariances");
  cmd->add_option("--reg-covar", options->regCovar, "Added to covariance diagonals")
      ->capture_default_str();
  cmd->add_option("--seed", options->seed, "Seed for the initialisation")->capture_default_str();
  cmd->add_option("--max-iter", options->maxIter, "Iteration cap (0: print the start)")
      ->capture_default_str();
  cmd->add_option("--tol", options->tol,
                  "Stop when the mean log-likelihood per sample changes by less")
      ->capture_default_str();
  cmd->add_option("--threads", options->threads, "Threads (0: all cores)")->capture_default_str();
  cmd->add_flag("--json", options->json, "Print JSON (an array for a range of K)");
  cmd->callback([options] { runFitGmm(*options); });
}

}  // namespace genlab::cli
