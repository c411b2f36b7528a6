#pragma once
// The Gaussian Naive Bayes inner loop: for every sample and class, the squared distance to the
// class mean scaled by the class's inverse variances. Computed centred, (x - theta)^2 / var,
// never expanded into x^2/var - 2 x theta/var + theta^2/var: with var near epsilon (a feature
// constant within a class) the expanded terms are ~1e9 and cancel, losing the digits that
// make the probabilities agree with scikit-learn's.

#include <Eigen/Core>

namespace genlab::nb::kernels {

// out(i, c) = sum_j (X(i, j) - theta(c, j))^2 * inverseVar(c, j); X is N x d, theta and
// inverseVar K x d, out N x K (sized by the caller).
void scaledSquaredDistances(const Eigen::MatrixXd& X, const Eigen::MatrixXd& theta,
                            const Eigen::MatrixXd& inverseVar, Eigen::MatrixXd& out);

}  // namespace genlab::nb::kernels
