#pragma once
// Pseudo-likelihood of binary images under an RBM: the sum over every pixel i of
// log p(v_i | all other pixels), which the free energy gives in closed form:
//
//   log p(v_i | v_-i) = log sigmoid(F(v with pixel i flipped) - F(v))
//
// Exact over all V pixels (N x V x H softplus evaluations). scikit-learn's
// BernoulliRBM.score_samples is a one-sample estimate of the same sum: V times the term of one
// pixel drawn at random per image (pixelTerm below gives that term, to compare). It is not a
// likelihood: it never needs Z, and a model can score well on it while its samples look
// nothing like the data.

#include <Eigen/Core>
#include <vector>

#include "core/models/rbm/rbm_model.h"

namespace genlab::rbm {

// sum_i log p(v_i | v_-i) for each row of `v` (binary, N x V), in nats per image.
Eigen::VectorXd pseudoLogLikelihood(const Rbm& rbm, const Eigen::MatrixXd& v);

// log p(v_i | v_-i) for row n of `v` and pixel pixels[n], for each row.
Eigen::VectorXd pixelTerm(const Rbm& rbm, const Eigen::MatrixXd& v,
                          const std::vector<Eigen::Index>& pixels);

}  // namespace genlab::rbm
