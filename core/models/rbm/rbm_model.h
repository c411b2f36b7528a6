#pragma once
// A binary restricted Boltzmann machine: visible units v in {0,1}^V, hidden units h in {0,1}^H,
//
//   E(v, h) = -b'v - c'h - v'W h,      p(v, h) = exp(-E(v, h)) / Z
//   F(v)    = -b'v - sum_j softplus(c_j + (v'W)_j)     free energy: p(v) = exp(-F(v)) / Z
//   G(h)    = -c'h - sum_i softplus(b_i + (W h)_i)     the same with the layers' roles swapped:
//                                                      p(h) = exp(-G(h)) / Z
//
// Orientation (as the model JSON and scikit-learn's components_.T): weights is V x H, one row per
// visible unit; visibleBias b has V entries, hiddenBias c has H. Data is N x V, one image per row
// (imagesAsRows), values 0 or 1; hidden activity is N x H.

#include <Eigen/Core>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace genlab::rbm {

struct Rbm {
  Eigen::MatrixXd weights;      // V x H
  Eigen::VectorXd visibleBias;  // V
  Eigen::VectorXd hiddenBias;   // H

  Eigen::Index visible() const { return weights.rows(); }
  Eigen::Index hidden() const { return weights.cols(); }

  // Small random weights N(0, stddev^2) drawn row by row from `seed`'s Rng, zero biases.
  static Rbm random(Eigen::Index visible, Eigen::Index hidden, std::uint64_t seed,
                    double stddev = 0.01);
};

// softplus(x) = log(1 + exp(x)), without overflow for large |x|.
Eigen::ArrayXXd softplus(const Eigen::ArrayXXd& x);
double softplus(double x);
// 1 / (1 + exp(-x)), elementwise.
Eigen::ArrayXXd sigmoid(const Eigen::ArrayXXd& x);

// p(h_j = 1 | v) for each row of `v` (N x V): N x H.
Eigen::MatrixXd hiddenProbabilities(const Rbm& rbm, const Eigen::MatrixXd& v);
// p(v_i = 1 | h) for each row of `h` (N x H): N x V.
Eigen::MatrixXd visibleProbabilities(const Rbm& rbm, const Eigen::MatrixXd& h);

// F(v) for each row of `v` (N x V); any real values are accepted (probabilities too).
Eigen::VectorXd freeEnergy(const Rbm& rbm, const Eigen::MatrixXd& v);
// G(h) for each row of `h` (N x H).
Eigen::VectorXd hiddenFreeEnergy(const Rbm& rbm, const Eigen::MatrixXd& h);

// The model JSON: {"weights": [[...H...] x V], "visible_bias": [V], "hidden_bias": [H]}.
nlohmann::json toJson(const Rbm& rbm);
// Throws ConfigError naming the key ("weights[3]: 5 entries, expected 64", "hidden_bias: 63
// entries, weights has 64 columns") for a model of the wrong shape or with non-finite values.
Rbm rbmFromJson(const nlohmann::json& json);
// The same from a file; errors start with the file's path.
Rbm readRbmFile(const std::filesystem::path& file);

// Throws DataError "`what` row R, column C is X, not 0 or 1" (from 1) unless every value of
// `v` is 0 or 1.
void requireBinary(const Eigen::MatrixXd& v, const std::string& what);

}  // namespace genlab::rbm
