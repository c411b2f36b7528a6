#pragma once
// A DBM fitted to binary images start to finish, outside the lab: greedy pretraining
// (dbm_pretraining.h), then `jointEpochs` epochs of joint training (dbm_learning.h), each a
// fresh shuffle of the images into minibatches (the last short one included). Shared by the
// leaderboard's scorer, `genlab fit dbm` and the tests.

#include <Eigen/Core>
#include <functional>

#include "core/models/dbm/dbm_learning.h"
#include "core/models/dbm/dbm_pretraining.h"
#include "core/util/rng.h"

namespace genlab::dbm {

struct FitSettings {
  GreedySettings greedy;
  int jointEpochs = 20;
  rbm::LearningSettings joint{.cdSteps = 1, .learningRate = 0.01, .momentum = 0.5};
  MeanFieldSettings meanField{.maxIterations = 10};
};

// Called after pretraining (epoch 0) and after each joint epoch (1, 2, ...) with the model.
using EpochCallback = std::function<void(int epoch, const Dbm& dbm)>;

Dbm fitDbm(const Eigen::MatrixXd& images, const FitSettings& settings, Rng& rng,
           const EpochCallback& afterEpoch = {});

}  // namespace genlab::dbm
