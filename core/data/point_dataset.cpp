#include "core/data/point_dataset.h"

#include <cmath>
#include <string>

#include "core/data/csv_matrix.h"
#include "core/data/json_fields.h"
#include "core/util/errors.h"

namespace genlab::data {

using Eigen::Index;
using Eigen::MatrixXd;
using nlohmann::json;

namespace {

constexpr const char* kPrefix = "dataset";
constexpr long long kMaxPoints = 10'000'000;
constexpr Index kMaxDim = 4096;

std::string key(std::string_view name) {
  return joinKey(kPrefix, name);
}

Index readCount(const json& spec) {
  return spec.contains("n") ? static_cast<Index>(readInt(spec["n"], key("n"), 1, kMaxPoints))
                            : Index{500};
}

double readOr(const json& spec, std::string_view name, double fallback, double lo, double hi) {
  const std::string field(name);
  return spec.contains(field) ? readDouble(spec[field], key(name), lo, hi) : fallback;
}

MatrixXd readCenters(const json& spec) {
  if (!spec.contains("centers")) throw ConfigError(key("centers") + ": required");
  MatrixXd centers = readMatrix(spec["centers"], key("centers"));
  if (centers.cols() > kMaxDim) {
    throw ConfigError(key("centers") + ": " + std::to_string(centers.cols()) +
                      " coordinates is more than " + std::to_string(kMaxDim));
  }
  return centers;
}

PointSet blobs(const json& spec, Rng& rng) {
  requireObjectWithKeys(spec, kPrefix, {"kind", "n", "centers", "covariances", "std", "weights"});
  const Index n = readCount(spec);
  const MatrixXd centers = readCenters(spec);
  const Index K = centers.rows();
  const Index d = centers.cols();
  if (spec.contains("covariances") && spec.contains("std")) {
    throw ConfigError(key("std") + ": give either \"std\" or \"covariances\", not both");
  }
  std::vector<MatrixXd> covariances;
  if (spec.contains("covariances")) {
    const json& list = spec["covariances"];
    if (!list.is_array() || static_cast<Index>(list.size()) != K) {
      throw ConfigError(key("covariances") + ": expected " + std::to_string(K) +
                        " matrices, one per center");
    }
    for (Index j = 0; j < K; ++j) {
      covariances.push_back(readMatrix(list[static_cast<std::size_t>(j)],
                                       key("covariances[" + std::to_string(j) + "]"), d, d));
    }
  } else {
    const double stddev = readOr(spec, "std", 1.0, 0.0, 1e6);
    covariances.assign(static_cast<std::size_t>(K), MatrixXd::Identity(d, d) * stddev * stddev);
  }
  std::vector<double> weights;
  if (spec.contains("weights")) {
    const Eigen::VectorXd w = readVector(spec["weights"], key("weights"), K);
    if ((w.array() < 0.0).any() || w.sum() <= 0.0) {
      throw ConfigError(key("weights") + ": must be non-negative and not all zero");
    }
    weights.assign(w.data(), w.data() + w.size());
  }
  return makeBlobs(n, centers, covariances, rng, weights);
}

PointSet anisotropic(const json& spec, Rng& rng) {
  requireObjectWithKeys(spec, kPrefix, {"kind", "n", "centers", "std", "transform"});
  const Index n = readCount(spec);
  const MatrixXd centers = readCenters(spec);
  const double stddev = readOr(spec, "std", 1.0, 0.0, 1e6);
  MatrixXd transform;
  if (spec.contains("transform")) {
    transform = readMatrix(spec["transform"], key("transform"), centers.cols(), centers.cols());
  } else if (centers.cols() == 2) {
    transform.resize(2, 2);
    transform << 0.6, -0.64, -0.41, 0.85;  // scikit-learn's example
  } else {
    throw ConfigError(key("transform") + ": required when the centers are not 2-D");
  }
  return makeAnisotropicBlobs(n, centers, stddev, transform, rng);
}

PointSet csv(const json& spec, const std::filesystem::path& baseDir) {
  requireObjectWithKeys(spec, kPrefix, {"kind", "path"});
  if (!spec.contains("path")) throw ConfigError(key("path") + ": required");
  std::filesystem::path path = readString(spec["path"], key("path"));
  if (path.is_relative() && !baseDir.empty()) path = baseDir / path;
  PointSet set;
  set.points = readCsvMatrix(path).values;
  return set;
}

}  // namespace

PointSet makeDataset(const json& spec, Rng& rng, const std::filesystem::path& baseDir) {
  if (!spec.is_object()) throw ConfigError(std::string(kPrefix) + ": expected an object");
  if (!spec.contains("kind")) throw ConfigError(key("kind") + ": required");
  const std::string kind = readString(spec["kind"], key("kind"));
  if (kind == "blobs") return blobs(spec, rng);
  if (kind == "anisotropic") return anisotropic(spec, rng);
  if (kind == "csv") return csv(spec, baseDir);
  if (kind == "moons") {
    requireObjectWithKeys(spec, kPrefix, {"kind", "n", "noise"});
    return makeMoons(readCount(spec), readOr(spec, "noise", 0.1, 0.0, 1e3), rng);
  }
  if (kind == "rings") {
    requireObjectWithKeys(spec, kPrefix, {"kind", "n", "radii", "noise"});
    std::vector<double> radii = {1.0, 2.0};
    if (spec.contains("radii")) {
      const Eigen::VectorXd r = readVector(spec["radii"], key("radii"));
      if ((r.array() <= 0.0).any()) throw ConfigError(key("radii") + ": must be positive");
      radii.assign(r.data(), r.data() + r.size());
    }
    return makeRings(readCount(spec), radii, readOr(spec, "noise", 0.05, 0.0, 1e3), rng);
  }
  if (kind == "uniform") {
    requireObjectWithKeys(spec, kPrefix, {"kind", "n", "low", "high"});
    Eigen::VectorXd low = Eigen::VectorXd::Constant(2, -1.0);
    Eigen::VectorXd high = Eigen::VectorXd::Constant(2, 1.0);
    if (spec.contains("low")) low = readVector(spec["low"], key("low"));
    if (spec.contains("high")) high = readVector(spec["high"], key("high"), low.size());
    if (high.size() != low.size()) {
      throw ConfigError(key("low") + ": has " + std::to_string(low.size()) +
                        " entries, \"high\" has " + std::to_string(high.size()));
    }
    if ((high.array() < low.array()).any()) {
      throw ConfigError(key("high") + ": must be >= \"low\" in every coordinate");
    }
    return makeUniform(readCount(spec), low, high, rng);
  }
  throw ConfigError(key("kind") + ": \"" + kind +
                    "\" is not one of \"blobs\", \"anisotropic\", \"moons\", \"rings\", "
                    "\"uniform\", \"csv\"");
}

}  // namespace genlab::data
