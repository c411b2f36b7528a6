#include "app/cli/fit_nb.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/binarize_option.h"
#include "core/data/binary_images.h"
#include "core/data/class_labels.h"
#include "core/data/csv_cell_checks.h"
#include "core/data/csv_matrix.h"
#include "core/data/image_datasets.h"
#include "core/data/json_fields.h"
#include "core/models/nb/naive_bayes.h"
#include "core/util/errors.h"

namespace genlab::cli {
namespace {

using nb::NaiveBayes;
using nlohmann::json;

struct FitNbOptions {
  std::string data;
  std::string labels;
  std::string dataset;
  std::string pixels = "threshold";
  std::uint64_t seed = 0;
  std::string kind = "gaussian";
  double alpha = 1.0;
  double varSmoothing = 1e-9;
  std::string binarize = "0";
  bool uniformPrior = false;
  bool json = false;
  std::string predict;
};

// Samples, class indices and class names, from files or a built-in image set.
struct Training {
  Eigen::MatrixXd samples;
  std::vector<int> labels;
  std::vector<std::string> classes;
};

std::string at(const std::string& file, const data::CsvMatrix& csv, Eigen::Index row) {
  return data::csvRowWhere(file, csv, row);
}

// What the chosen kind needs of every value: counts (multinomial), or 0/1 (Bernoulli without
// --binarize). The first offender is named by file, line and column.
void checkValues(const nb::NbConfig& config, const std::string& file, const data::CsvMatrix& csv) {
  if (config.kind == nb::NbKind::Multinomial) {
    data::requireNonNegativeCells(csv, file, "a negative count (multinomial features are counts)");
  } else if (config.kind == nb::NbKind::Bernoulli && !config.binarize) {
    data::requireBinaryCells(csv, file, "not 0 or 1 (--binarize none needs binary data)");
  }
}

Training readFiles(const FitNbOptions& options, const nb::NbConfig& config) {
  if (options.data.empty() || options.labels.empty()) {
    throw ConfigError("--data and --labels: both required (or give --dataset)");
  }
  const data::CsvMatrix csv = data::readCsvMatrix(options.data);
  checkValues(config, options.data, csv);
  data::ClassLabels labels = data::readClassLabels(options.labels);
  const auto rows = static_cast<std::size_t>(csv.values.rows());
  if (labels.indices.size() != rows) {
    const std::size_t shorter = std::min(labels.indices.size(), rows);
    const std::string where = labels.indices.size() > rows
                                  ? options.labels + ":" + std::to_string(labels.lines[rows]) +
                                        ": label " + std::to_string(rows + 1) + " has no data row"
                                  : at(options.data, csv, static_cast<Eigen::Index>(shorter)) +
                                        ": data row " + std::to_string(rows > 0 ? shorter + 1 : 0) +
                                        " has no label";
    throw DataError(where + " (" + options.labels + " has " +
                    std::to_string(labels.indices.size()) + " labels, " + options.data + " " +
                    std::to_string(rows) + " data rows)");
  }
  return {csv.values, std::move(labels.indices), std::move(labels.classes)};
}

Training readDataset(const FitNbOptions& options) {
  if (!options.data.empty() || !options.labels.empty()) {
    throw ConfigError("--dataset: give either --dataset or --data and --labels");
  }
  data::ImageSet images;
  if (options.dataset == "digits") {
    const auto path = data::sklearnDigitsPath();
    if (path.empty()) throw ConfigError("--dataset digits: python3-sklearn is not installed");
    images = data::readDigits(path);
  } else if (options.dataset == "fashion-mnist") {
    const auto dir = data::fashionMnistDirectory();
    if (dir.empty()) {
      throw ConfigError("--dataset fashion-mnist: dataset-fashion-mnist is not installed");
    }
    images = data::readIdx(dir / "train-images-idx3-ubyte.gz", dir / "train-labels-idx1-ubyte.gz");
    images.classNames = data::fashionMnistClassNames();
  } else {
    throw ConfigError("--dataset: \"" + options.dataset +
                      "\" is not one of \"digits\", \"fashion-mnist\"");
  }
  if (options.pixels == "threshold") {
    data::binarizeByThreshold(images);
  } else if (options.pixels == "sample") {
    Rng rng(options.seed);
    data::binarizeBySampling(images, rng);
  } else if (options.pixels != "grey") {
    throw ConfigError("--pixels: \"" + options.pixels +
                      "\" is not one of \"threshold\", \"sample\", \"grey\"");
  }
  return {data::imagesAsRows(images), images.labels, images.classNames};
}

json modelToJson(const NaiveBayes& model, const Training& training) {
  json out = {{"kind", std::string(nb::toString(model.config().kind))},
              {"classes", training.classes},
              {"class_count", data::toJson(model.classCount())},
              {"class_log_prior", data::toJson(model.classLogPrior())},
              {"n_features", model.dim()},
              {"mean_log_likelihood", model.marginalLogLikelihood(training.samples).mean()}};
  if (model.config().kind == nb::NbKind::Gaussian) {
    out["var_smoothing"] = model.config().varSmoothing;
    out["epsilon"] = model.epsilon();
    out["theta"] = data::toJson(model.theta());
    out["var"] = data::toJson(model.var());
  } else {
    out["alpha"] = model.config().effectiveAlpha();
    out["fit_prior"] = model.config().fitPrior;
    if (model.config().kind == nb::NbKind::Bernoulli) {
      out["binarize"] = model.config().binarize ? json(*model.config().binarize) : json(nullptr);
    }
    out["feature_count"] = data::toJson(model.featureCount());
    out["feature_log_prob"] = data::toJson(model.featureLogProb());
  }
  return out;
}

void printRow(std::ostream& out, const char* name, const Eigen::RowVectorXd& row) {
  out << "    " << name << " [";
  for (Eigen::Index j = 0; j < row.size(); ++j) out << (j ? ", " : "") << row(j);
  out << "]\n";
}

void printSummary(std::ostream& out, const NaiveBayes& model, const Training& training) {
  const auto& config = model.config();
  out << std::setprecision(6) << "Naive Bayes (" << nb::toString(config.kind) << "), "
      << training.samples.rows() << " samples, " << model.dim() << " features, "
      << model.numClasses() << " classes\n";
  if (config.kind == nb::NbKind::Gaussian) {
    out << "  var_smoothing " << config.varSmoothing << ": epsilon " << model.epsilon()
        << " added to every variance\n";
  } else {
    out << "  alpha " << config.effectiveAlpha()
        << (config.fitPrior ? ", priors from class frequencies" : ", uniform priors");
    if (config.kind == nb::NbKind::Bernoulli) {
      out << ", binarize ";
      if (config.binarize) {
        out << "x > " << *config.binarize;
      } else {
        out << "none";
      }
    }
    out << '\n';
  }
  out << "  mean log p(x) " << model.marginalLogLikelihood(training.samples).mean()
      << " nats per sample\n";
  for (int c = 0; c < model.numClasses(); ++c) {
    out << "  class " << training.classes[static_cast<std::size_t>(c)] << ": "
        << model.classCount()(c) << " samples, prior " << std::exp(model.classLogPrior()(c))
        << '\n';
    if (config.kind == nb::NbKind::Gaussian) {
      printRow(out, "mean", model.theta().row(c));
      printRow(out, "variance", model.var().row(c));
    } else {
      printRow(out, "p(feature)", model.featureLogProb().row(c).array().exp());
    }
  }
}

// A CSV cell for a class name: quoted (quotes doubled) when it holds a separator or a quote.
std::string csvCell(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

// The class probabilities of the samples in `file`, checked as the training data is.
Eigen::MatrixXd probabilitiesOf(const NaiveBayes& model, const nb::NbConfig& config,
                                const std::string& file) {
  const data::CsvMatrix csv = data::readCsvMatrix(file);
  if (csv.values.cols() != model.dim()) {
    throw DataError(at(file, csv, 0) + ": " + std::to_string(csv.values.cols()) +
                    " columns, the model was fitted on " + std::to_string(model.dim()));
  }
  checkValues(config, file, csv);
  return model.predictProba(csv.values);
}

void printProbabilities(const Eigen::MatrixXd& proba, const Training& training) {
  std::string header;
  for (std::size_t c = 0; c < training.classes.size(); ++c) {
    header += (c ? "," : "") + csvCell(training.classes[c]);
  }
  std::cout << header << '\n';
  char cell[32];
  for (Eigen::Index i = 0; i < proba.rows(); ++i) {
    std::string line;
    for (Eigen::Index c = 0; c < proba.cols(); ++c) {
      std::snprintf(cell, sizeof cell, "%.17g", proba(i, c));
      if (c) line += ',';
      line += cell;
    }
    std::cout << line << '\n';
  }
}

void runFitNb(const FitNbOptions& options) {
  nb::NbConfig config;
  config.kind = nb::parseNbKind(options.kind);
  config.alpha = options.alpha;
  config.varSmoothing = options.varSmoothing;
  config.binarize = parseBinarizeOption(options.binarize);
  config.fitPrior = !options.uniformPrior;
  config.validate();
  const Training training =
      options.dataset.empty() ? readFiles(options, config) : readDataset(options);
  const NaiveBayes model(config, training.samples, training.labels,
                         static_cast<int>(training.classes.size()));
  if (options.json) {
    json out = modelToJson(model, training);
    if (!options.predict.empty()) {
      out["predict_proba"] = data::toJson(probabilitiesOf(model, config, options.predict));
    }
    std::cout << out.dump() << '\n';
  } else if (!options.predict.empty()) {
    printProbabilities(probabilitiesOf(model, config, options.predict), training);
  } else {
    printSummary(std::cout, model, training);
  }
}

}  // namespace

void registerFitNb(CLI::App& fit) {
  auto options = std::make_shared<FitNbOptions>();
  auto* cmd = fit.add_subcommand(
      "nb", "Fit Naive Bayes (scikit-learn's GaussianNB, BernoulliNB or MultinomialNB)");
  cmd->add_option("--data", options->data, "CSV file, one sample per row (header optional)");
  cmd->add_option("--labels", options->labels,
                  "One class label per line (numbers or strings), as many as --data has rows");
  cmd->add_option("--dataset", options->dataset,
                  "Built-in images instead of --data/--labels: digits (scikit-learn's 8x8) or "
                  "fashion-mnist (the 60000 training images)");
  cmd->add_option("--pixels", options->pixels,
                  "With --dataset: threshold (grey >= 0.5 is 1), sample (1 with probability grey, "
                  "from --seed) or grey (values in [0, 1])")
      ->capture_default_str();
  cmd->add_option("--seed", options->seed, "Seed for --pixels sample")->capture_default_str();
  cmd->add_option("--kind", options->kind, "gaussian, bernoulli or multinomial")
      ->capture_default_str();
  cmd->add_option("--alpha", options->alpha,
                  "Bernoulli/multinomial: added to every feature count (below 1e-10: 1e-10)")
      ->capture_default_str();
  cmd->add_option("--var-smoothing", options->varSmoothing,
                  "Gaussian: this times the largest feature variance is added to all variances")
      ->capture_default_str();
  cmd->add_option("--binarize", options->binarize,
                  "Bernoulli: x > T counts as 1; \"none\": the data must be 0/1 already")
      ->capture_default_str();
  cmd->add_flag("--uniform-prior", options->uniformPrior,
                "Bernoulli/multinomial: equal class priors (scikit-learn's fit_prior=False)");
  cmd->add_flag("--json", options->json,
                "Print the fitted model as JSON (with --predict, plus \"predict_proba\")");
  cmd->add_option("--predict", options->predict,
                  "CSV of samples: print their class probabilities (a header of class names, "
                  "then one row per sample, %.17g) instead of the model");
  cmd->callback([options] { runFitNb(*options); });
}

}  // namespace genlab::cli
