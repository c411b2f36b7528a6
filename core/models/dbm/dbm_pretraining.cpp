#include "core/models/dbm/dbm_pretraining.h"

#include <algorithm>

#include "core/util/errors.h"

namespace genlab::dbm {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

Dbm composeGreedy(const rbm::Rbm& first, const rbm::Rbm& second) {
  if (second.visible() != first.hidden()) {
    throw ConfigError("greedy DBM: the second RBM has " + std::to_string(second.visible()) +
                      " visible units, the first " + std::to_string(first.hidden()) +
                      " hidden units");
  }
  return Dbm::compose(0.5 * first.weights, 0.5 * second.weights, first.visibleBias,
                      0.5 * (first.hiddenBias + second.visibleBias), second.hiddenBias);
}

MatrixXd secondLayerData(const rbm::Rbm& first, const MatrixXd& images) {
  return rbm::hiddenProbabilities(first, images);
}

std::vector<Index> shuffledOrder(Index n, Rng& rng) {
  std::vector<Index> order(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<Index>(i);
  for (std::size_t i = order.size(); i > 1; --i) {
    std::swap(order[i - 1], order[static_cast<std::size_t>(rng.below(i))]);
  }
  return order;
}

void forEachMinibatch(const MatrixXd& data, const std::vector<Index>& order, int batch,
                      const std::function<void(const MatrixXd&)>& update) {
  MatrixXd rows;
  for (std::size_t first = 0; first < order.size(); first += static_cast<std::size_t>(batch)) {
    const auto n =
        static_cast<Index>(std::min(order.size() - first, static_cast<std::size_t>(batch)));
    rows.resize(n, data.cols());
    for (Index r = 0; r < n; ++r)
      rows.row(r) = data.row(order[first + static_cast<std::size_t>(r)]);
    update(rows);
  }
}

void trainEpoch(rbm::Rbm& model, rbm::ContrastiveDivergence& learner, const MatrixXd& data,
                int batch, Rng& rng) {
  const std::vector<Index> order = shuffledOrder(data.rows(), rng);
  const auto uniforms = rbm::uniformsFrom(rng);
  forEachMinibatch(data, order, batch,
                   [&](const MatrixXd& rows) { learner.update(model, rows, uniforms); });
}

Dbm pretrainGreedy(const MatrixXd& images, const GreedySettings& settings, Rng& rng) {
  rbm::Rbm first =
      rbm::Rbm::random(images.cols(), settings.hidden1, rng.nextU64(), settings.initStddev);
  rbm::ContrastiveDivergence firstLearner(settings.learning, images.cols(), settings.hidden1,
                                          settings.batch);
  for (int e = 0; e < settings.epochs; ++e)
    trainEpoch(first, firstLearner, images, settings.batch, rng);

  const MatrixXd h1 = secondLayerData(first, images);
  rbm::Rbm second =
      rbm::Rbm::random(settings.hidden1, settings.hidden2, rng.nextU64(), settings.initStddev);
  rbm::ContrastiveDivergence secondLearner(settings.learning, settings.hidden1, settings.hidden2,
                                           settings.batch);
  for (int e = 0; e < settings.epochs; ++e)
    trainEpoch(second, secondLearner, h1, settings.batch, rng);
  return composeGreedy(first, second);
}

}  // namespace genlab::dbm
