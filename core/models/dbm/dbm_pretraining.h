#pragma once
// Greedy layer-wise pretraining of a two-layer DBM: plain RBMs stacked, then composed with the
// weights into the middle layer halved.
//
//   1. RBM 1 (V x H1) learns the images by PCD/CD (rbm::ContrastiveDivergence, unchanged).
//   2. RBM 2 (H1 x H2) learns p(h1 | v) of the images under RBM 1 (probabilities as data).
//   3. Compose: W1 = W_1 / 2, W2 = W_2 / 2, b = RBM 1's visible bias, c2 = RBM 2's hidden bias,
//      c1 = (RBM 1's hidden bias + RBM 2's visible bias) / 2.
//
// Why halve: in the DBM, h1 hears both v (through W1) and h2 (through W2); each RBM alone
// learned to drive h1 with its full input, so composing them unchanged would count the
// evidence for h1 twice. Halving makes h1's input the average of the two RBMs' inputs
// (both biases included). Salakhutdinov and Hinton (AISTATS 2009, section 3.1) instead train
// RBM 1 with the visible layer doubled and RBM 2 with its hidden layer doubled, which gives the
// same balance at h1 while leaving v's and h2's inputs at full strength; we take the simpler
// composition because it reuses the RBM learner as it is (no tied, doubled weights), and the
// joint training that follows corrects the scale of W1 and W2 (docs/DBM.md measures how much).

#include <Eigen/Core>
#include <functional>
#include <vector>

#include "core/models/dbm/dbm_model.h"
#include "core/models/rbm/rbm_learning.h"
#include "core/util/rng.h"

namespace genlab::dbm {

// Throws ConfigError unless second.visible() == first.hidden().
Dbm composeGreedy(const rbm::Rbm& first, const rbm::Rbm& second);

// What RBM 2 learns from: p(h1 | v) of each image under RBM 1.
Eigen::MatrixXd secondLayerData(const rbm::Rbm& first, const Eigen::MatrixXd& images);

// 0 .. n-1 in a Fisher-Yates order drawn from `rng` (the order the RBM trainer draws too).
std::vector<Eigen::Index> shuffledOrder(Eigen::Index n, Rng& rng);

// Calls `update` with each minibatch of `batch` rows of `data` taken in `order` (the last one
// short when the rows do not divide evenly).
void forEachMinibatch(const Eigen::MatrixXd& data, const std::vector<Eigen::Index>& order,
                      int batch, const std::function<void(const Eigen::MatrixXd&)>& update);

// One epoch of minibatches of `data` (a fresh shuffle from `rng`; the last short batch is used
// too) through `learner` into `model`.
void trainEpoch(rbm::Rbm& model, rbm::ContrastiveDivergence& learner, const Eigen::MatrixXd& data,
                int batch, Rng& rng);

struct GreedySettings {
  int hidden1 = 20;
  int hidden2 = 10;
  int epochs = 20;  // per layer
  int batch = 20;
  double initStddev = 0.01;
  rbm::LearningSettings learning{
      .cdSteps = 1, .persistent = true, .learningRate = 0.05, .momentum = 0.5, .weightDecay = 0.0};
};

// Steps 1-3 on binary images (N x V); the weights' start and every minibatch from `rng`.
Dbm pretrainGreedy(const Eigen::MatrixXd& images, const GreedySettings& settings, Rng& rng);

}  // namespace genlab::dbm
