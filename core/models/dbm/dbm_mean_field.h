#pragma once
// Mean-field inference for a two-layer DBM (Salakhutdinov and Hinton 2009, section 3): the
// posterior p(h1, h2 | v) is approximated by a fully factorised q(h1, h2) = prod_j mu1_j^h1_j
// (1 - mu1_j)^(1 - h1_j) prod_k (the same with mu2), whose parameters maximise the
// variational lower bound below. Its stationary points satisfy the fixed-point equations
//
//   mu1 = sigmoid(W1' v + W2 mu2 + c1)
//   mu2 = sigmoid(W2' mu1 + c2)
//
// iterated from the bottom-up pass mu1 = sigmoid(W1' v + c1), mu2 = sigmoid(W2' mu1 + c2) until
// no entry moves more than `tolerance` (or `maxIterations`). Each iteration raises the bound
// (coordinate ascent on each layer in turn).
//
// The bound (Jensen, with the entropy H of a Bernoulli):
//
//   log p(v) >= b'v + c1'mu1 + c2'mu2 + v'W1 mu1 + mu1'W2 mu2 + H(mu1) + H(mu2) - log Z

#include <Eigen/Core>

#include "core/models/dbm/dbm_model.h"

namespace genlab::dbm {

struct MeanFieldSettings {
  int maxIterations = 30;
  double tolerance = 1e-6;
};

struct MeanField {
  Eigen::MatrixXd mu1;  // N x H1
  Eigen::MatrixXd mu2;  // N x H2
  int iterations = 0;   // the most any row needed (all rows are updated together)
};

MeanField meanField(const Dbm& dbm, const Eigen::MatrixXd& v, const MeanFieldSettings& settings);

// The bound without log Z: log p*(v) >= boundWithoutPartition, one entry per row.
Eigen::VectorXd variationalBound(const Dbm& dbm, const Eigen::MatrixXd& v, const MeanField& q);

}  // namespace genlab::dbm
