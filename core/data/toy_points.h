#pragma once
// Toy point clouds for the lessons and the tests. All draw from a genlab::Rng only, so the same
// seed gives the same points. Points are N x d, one per ROW; labels[i] is the generating
// cluster, moon or ring of point i.

#include <Eigen/Core>
#include <vector>

#include "core/util/rng.h"

namespace genlab::data {

struct PointSet {
  Eigen::MatrixXd points;   // N x d
  std::vector<int> labels;  // N true labels; empty when unknown (CSV)
};

// Gaussian blobs: cluster j has mean centers.row(j) and covariance covariances[j] (d x d,
// symmetric positive semi-definite). Without weights the n points are split as evenly as
// possible; with weights (non-negative, any scale) each point's cluster is drawn from them.
// The rows are shuffled. Throws ConfigError("dataset.covariances[j]: ...") for a matrix that
// is not positive semi-definite.
PointSet makeBlobs(Eigen::Index n, const Eigen::MatrixXd& centers,
                   const std::vector<Eigen::MatrixXd>& covariances, Rng& rng,
                   const std::vector<double>& weights = {});

// Isotropic blobs (standard deviation `stddev`) pushed through a linear map: x -> A x, so every
// cluster has covariance stddev^2 A A^T and mean A c_j (scikit-learn's anisotropic example).
PointSet makeAnisotropicBlobs(Eigen::Index n, const Eigen::MatrixXd& centers, double stddev,
                              const Eigen::MatrixXd& transform, Rng& rng);

// Two interleaving half circles (scikit-learn's make_moons), Gaussian noise of std `noise`.
PointSet makeMoons(Eigen::Index n, double noise, Rng& rng);

// Concentric circles of the given radii around the origin, uniform in angle, with radial
// Gaussian noise of std `noise`; points split evenly across rings.
PointSet makeRings(Eigen::Index n, const std::vector<double>& radii, double noise, Rng& rng);

// Uniform in the box [low, high] (per coordinate; low.size() = high.size() = d). Labels all 0.
PointSet makeUniform(Eigen::Index n, const Eigen::VectorXd& low, const Eigen::VectorXd& high,
                     Rng& rng);

}  // namespace genlab::data
