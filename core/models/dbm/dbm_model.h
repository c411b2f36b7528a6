#pragma once
// A two-layer binary deep Boltzmann machine v - h1 - h2 (Salakhutdinov and Hinton, "Deep
// Boltzmann machines", AISTATS 2009):
//
//   E(v, h1, h2) = -b'v - c1'h1 - c2'h2 - v'W1 h1 - h1'W2 h2,   p = exp(-E) / Z
//
// W1 is V x H1, W2 is H1 x H2. There are no connections inside a layer and none between v and
// h2, so given h1 the layers v and h2 are independent. That makes the DBM an RBM whose
// "visible" layer is the pair (v, h2) and whose "hidden" layer is h1:
//
//   stacked.weights     = [W1; W2']   ((V + H2) x H1)
//   stacked.visibleBias = [b; c2]     (V + H2)
//   stacked.hiddenBias  = c1          (H1)
//
// The DBM is stored that way, so the RBM's tested code serves it unchanged: the exact log Z
// (enumerate h1, sum (v, h2) out: rbm::exactLogPartition), AIS with h1 summed out analytically
// (rbm::annealedLogPartition, as Salakhutdinov and Hinton 2009 section 4 do), the alternating
// layer-wise Gibbs sweep "h1 given (v, h2), then v and h2 given h1" (rbm::gibbsSweeps), and the
// persistent-chain learning update (rbm::ContrastiveDivergence, fed the mean-field h2 as part
// of its "visible" batch: dbm_learning.h).
//
// Data is N x V, one image per row, values 0 or 1.

#include <Eigen/Core>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/models/rbm/rbm_model.h"

namespace genlab::dbm {

struct Dbm {
  rbm::Rbm stacked;
  Eigen::Index visibleUnits = 0;  // V: the first V "visible" units of `stacked` are v

  Eigen::Index visible() const { return visibleUnits; }
  Eigen::Index hidden1() const { return stacked.hidden(); }
  Eigen::Index hidden2() const { return stacked.visible() - visibleUnits; }

  auto w1() const { return stacked.weights.topRows(visibleUnits); }              // V x H1
  auto w2() const { return stacked.weights.bottomRows(hidden2()).transpose(); }  // H1 x H2
  auto visibleBias() const { return stacked.visibleBias.head(visibleUnits); }    // b
  auto hidden2Bias() const { return stacked.visibleBias.tail(hidden2()); }       // c2
  const Eigen::VectorXd& hidden1Bias() const { return stacked.hiddenBias; }      // c1

  // Throws ConfigError when the shapes do not fit together.
  static Dbm compose(const Eigen::MatrixXd& w1, const Eigen::MatrixXd& w2, const Eigen::VectorXd& b,
                     const Eigen::VectorXd& c1, const Eigen::VectorXd& c2);
  // Weights N(0, stddev^2) (W1 row by row, then W2), zero biases.
  static Dbm random(Eigen::Index visible, Eigen::Index hidden1, Eigen::Index hidden2,
                    std::uint64_t seed, double stddev = 0.01);
};

// p(h1 = 1 | v, h2) for each row pair: N x H1.
Eigen::MatrixXd hidden1Probabilities(const Dbm& dbm, const Eigen::MatrixXd& v,
                                     const Eigen::MatrixXd& h2);
// p(v = 1 | h1): N x V.  p(h2 = 1 | h1): N x H2.
Eigen::MatrixXd visibleProbabilities(const Dbm& dbm, const Eigen::MatrixXd& h1);
Eigen::MatrixXd hidden2Probabilities(const Dbm& dbm, const Eigen::MatrixXd& h1);

// -E(v, h1, h2) for one state (tests: brute force).
double negativeEnergy(const Dbm& dbm, const Eigen::VectorXd& v, const Eigen::VectorXd& h1,
                      const Eigen::VectorXd& h2);

// [v, h2] side by side: the stacked RBM's "visible" rows.
Eigen::MatrixXd stackRows(const Eigen::MatrixXd& v, const Eigen::MatrixXd& h2);

// {"w1": [V][H1], "w2": [H1][H2], "visible_bias": [V], "hidden1_bias": [H1],
//  "hidden2_bias": [H2]}.
nlohmann::json toJson(const Dbm& dbm);
// Throws ConfigError naming the key for a model of the wrong shape or with non-finite values.
Dbm dbmFromJson(const nlohmann::json& json);
// The same from a file; errors start with the file's path.
Dbm readDbmFile(const std::filesystem::path& file);

}  // namespace genlab::dbm
