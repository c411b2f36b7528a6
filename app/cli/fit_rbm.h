#pragma once
// `genlab fit rbm`: trains a binary restricted Boltzmann machine on a CSV of 0/1 images (or
// grey values with --binarize) by CD-k or PCD-1, then prints the log-likelihood per image of the
// training set and of --test (exact when min(visible, hidden) <= --exact-bits, else by annealed
// importance sampling with its standard error) and the exact pseudo-likelihood. --out writes the
// model JSON {"weights": [visible][hidden], "visible_bias", "hidden_bias"}. docs/RBM.md.

#include <CLI/CLI.hpp>
#include <Eigen/Core>
#include <optional>
#include <string>

namespace genlab::cli {

// Adds the `rbm` subcommand under `fit`. Its callback throws ConfigError or DataError (one line
// naming the option, or the file, line and column) for the caller to print.
void registerFitRbm(CLI::App& fit);

// The images of `file` (CSV, one per row), binarised with x > threshold, or checked to be 0/1
// already; the first offending cell is named by file, line and column. `columns` >= 0: the
// number of columns required. Shared with `genlab fit dbm`.
Eigen::MatrixXd readImages(const std::string& file, const std::optional<double>& threshold,
                           Eigen::Index columns = -1);

}  // namespace genlab::cli
