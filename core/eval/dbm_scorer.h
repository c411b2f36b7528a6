#pragma once
// The DBM the leaderboard trains (dbm_scorer.cpp), exposed so a test can rebuild it and check
// the board's figure against the model's own exact log-likelihood.

#include <Eigen/Core>
#include <cstdint>

#include "core/models/dbm/dbm_fit.h"

namespace genlab::eval {

// 16 h1 and 8 h2 units: log Z is enumerated over the 2^16 h1 states and log p*(v) over the
// 2^8 h2 states, so the figure is exact.
dbm::FitSettings leaderboardDbmSettings();

// fitDbm(train, leaderboardDbmSettings()) from the scorer's own stream of `seed`.
dbm::Dbm trainLeaderboardDbm(const Eigen::MatrixXd& train, std::uint64_t seed);

}  // namespace genlab::eval
