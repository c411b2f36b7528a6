#pragma once
// `genlab fit dbm`: trains a two-layer deep Boltzmann machine on a CSV of 0/1 images (or grey
// values with --binarize): greedy pretraining of two RBMs, composed with the middle layer's
// weights halved, then joint training (mean field + persistent chains). Prints the
// log-likelihood per image of the training set and of --test after pretraining and after joint
// training, each labelled: exact (log Z by enumerating h1, log p*(v) by enumerating h2),
// estimate (AIS log Z with its standard error), or bound (the mean-field bound), and the
// mean-field lower bound beside it. --out writes the model JSON {"w1": [V][H1], "w2": [H1][H2],
// "visible_bias", "hidden1_bias", "hidden2_bias"}. docs/DBM.md.

#include <CLI/CLI.hpp>

namespace genlab::cli {

// Adds the `dbm` subcommand under `fit`. Its callback throws ConfigError or DataError (one line
// naming the option, or the file, line and column) for the caller to print.
void registerFitDbm(CLI::App& fit);

}  // namespace genlab::cli
