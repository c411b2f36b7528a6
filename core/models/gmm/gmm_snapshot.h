#pragma once
// What a GMM view draws, frozen at one moment: immutable once published, and self-contained.
//
// Display coordinates: data of any dimension is drawn in the plane through `projection`
// (identity for d = 2, PCA for d > 2, see core/math/pca.h); points, means2d and covariances2d
// are already projected, consistently (mean -> P(mu - c), covariance -> P S P^T). The full
// d-dimensional parameters are there too for panels that print them.

#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>

#include "core/math/pca.h"
#include "core/models/gmm/gmm_config.h"
#include "core/train/trainer.h"

namespace genlab::gmm {

struct GmmSnapshot final : train::Snapshot {
  // Row-major so a matrix uploads to a GL buffer as interleaved (x, y) / (r_1..r_K) records.
  using Points2f = Eigen::Matrix<float, Eigen::Dynamic, 2, Eigen::RowMajor>;
  using Responsibilities = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

  int k = 0;
  Eigen::Index dim = 0;
  CovarianceType covariance = CovarianceType::Full;
  InitMethod init = InitMethod::KMeans;  // how the current start was made

  // N x 2 projected data. Shared between snapshots until the data changes (never mutated).
  std::shared_ptr<const Points2f> points;
  // True labels of the points when the dataset knows them (generated data); else null.
  std::shared_ptr<const std::vector<int>> trueLabels;
  Eigen::Vector2f boundsMin = Eigen::Vector2f::Zero();  // bounding box of `points`
  Eigen::Vector2f boundsMax = Eigen::Vector2f::Zero();

  // N x K, rows sum to 1. Stale (from the previous parameters) after an M-step alone or a hand
  // move of a mean, until the next E-step: views may grey them out.
  Responsibilities responsibilities;
  bool responsibilitiesCurrent = true;

  Eigen::VectorXd weights;                     // K
  std::vector<Eigen::Vector2d> means2d;        // K, projected
  std::vector<Eigen::Matrix2d> covariances2d;  // K, projected
  Eigen::MatrixXd means;                       // K x d
  std::vector<Eigen::MatrixXd> covariances;    // K full d x d
  math::Projection2D projection;

  double meanLogLikelihood = 0.0;  // per sample, of the current parameters
  double delta = 0.0;              // change at the last iteration
  int iteration = 0;               // EM iterations since the last (re)initialisation
  bool converged = false;
  std::vector<std::string> messages;  // from the last step or edit ("component 2 re-seeded...")

  // The responsibilities and the parameters; not the shared points and labels.
  std::size_t bytes() const override {
    const auto kd = static_cast<std::size_t>(k) * static_cast<std::size_t>(dim);
    return sizeof(GmmSnapshot) + static_cast<std::size_t>(responsibilities.size()) * sizeof(float) +
           static_cast<std::size_t>(k) * (sizeof(Eigen::Vector2d) + sizeof(Eigen::Matrix2d) +
                                          sizeof(Eigen::MatrixXd) + sizeof(double)) +
           (kd + kd * static_cast<std::size_t>(dim)) * sizeof(double);
  }
};

}  // namespace genlab::gmm
