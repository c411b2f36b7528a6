#pragma once
// The Gaussian Naive Bayes inner loop: for every sample and class, sum_j (x_j - theta_j)^2 /
// var_j, computed with the same operations in the same order as scikit-learn's numpy
// expression, so the joint log-likelihoods round alike (what differences remain come from exp
// and log, whose implementations differ: probabilities agree to 1e-13 in nb_vs_sklearn):
//   - each term is ((x - theta) * (x - theta)) / var (a division, not a product with 1/var);
//   - the terms are summed in numpy's pairwise order (numpySum below).
// Why it matters: with var near epsilon (a feature constant within a class) the terms reach
// 1e9 and more, so one ulp of difference in the joint is 1e-7 nats, and a probability of 1e-49
// computed from it differs from scikit-learn's in the 8th digit. Never expanded into
// x^2/var - 2 x theta/var + theta^2/var either: those terms cancel and lose all the digits.

#include <Eigen/Core>

namespace genlab::nb::kernels {

// out(i, c) = sum_j (X(i, j) - theta(c, j))^2 / var(c, j); X is N x d, theta and var K x d,
// out N x K (sized by the caller).
void scaledSquaredDistances(const Eigen::MatrixXd& X, const Eigen::MatrixXd& theta,
                            const Eigen::MatrixXd& var, Eigen::MatrixXd& out);

// numpy's sum of a contiguous double array (its pairwise_sum): below 8 values in order; up to
// 128, eight interleaved partial sums combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then
// the remainder in order; above, the two halves (the first a multiple of 8 long) summed apart.
double numpySum(const double* a, Eigen::Index n, Eigen::Index stride = 1);

}  // namespace genlab::nb::kernels
