#pragma once
// Small DBMs with every parameter drawn at random, and brute force over every (v, h1, h2).

#include <Eigen/Core>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/models/dbm/dbm_model.h"
#include "core/util/rng.h"
#include "tests/unit/rbm/rbm_test_util.h"

namespace genlab::dbm::test {

inline Dbm randomDbm(Eigen::Index v, Eigen::Index h1, Eigen::Index h2, std::uint64_t seed,
                     double scale = 1.0) {
  Rng rng(seed);
  const auto draw = [&](Eigen::Index rows, Eigen::Index cols) {
    Eigen::MatrixXd m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) m(i) = rng.normal(0.0, scale);
    return m;
  };
  const Eigen::MatrixXd w1 = draw(v, h1);
  const Eigen::MatrixXd w2 = draw(h1, h2);
  const Eigen::VectorXd b = draw(v, 1);
  const Eigen::VectorXd c1 = draw(h1, 1);
  const Eigen::VectorXd c2 = draw(h2, 1);
  return Dbm::compose(w1, w2, b, c1, c2);
}

// log of a sum of exp, naive but guarded.
struct BruteLogSum {
  double max = -std::numeric_limits<double>::infinity();
  std::vector<double> terms;
  void add(double t) {
    terms.push_back(t);
    max = std::max(max, t);
  }
  double value() const {
    double s = 0.0;
    for (double t : terms) s += std::exp(t - max);
    return max + std::log(s);
  }
};

// log sum over h1, h2 of exp(-E(v, h1, h2)), by brute force.
inline double bruteUnnormalised(const Dbm& dbm, const Eigen::VectorXd& v) {
  const Eigen::MatrixXd h1s = rbm::test::allStates(dbm.hidden1());
  const Eigen::MatrixXd h2s = rbm::test::allStates(dbm.hidden2());
  BruteLogSum sum;
  for (Eigen::Index a = 0; a < h1s.rows(); ++a) {
    for (Eigen::Index b = 0; b < h2s.rows(); ++b) {
      sum.add(negativeEnergy(dbm, v, h1s.row(a).transpose(), h2s.row(b).transpose()));
    }
  }
  return sum.value();
}

// log Z over every (v, h1, h2), by brute force.
inline double bruteLogPartition(const Dbm& dbm) {
  const Eigen::MatrixXd vs = rbm::test::allStates(dbm.visible());
  BruteLogSum sum;
  for (Eigen::Index a = 0; a < vs.rows(); ++a)
    sum.add(bruteUnnormalised(dbm, vs.row(a).transpose()));
  return sum.value();
}

}  // namespace genlab::dbm::test
