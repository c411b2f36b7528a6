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

constexpr const char* kPointPrefix = "dataset";
constexpr long long kMaxPoints = 10'000'000;
constexpr Index kMaxDim = 4096;

std::string pointKey(std::string_view name) {
  return joinKey(kPointPrefix, name);
}

Index readCount(const json& spec) {
  return spec.contains("n") ? static_cast<Index>(readInt(spec["n"], pointKey("n"), 1, kMaxPoints))
                            : Index{500};
}

double readOr(const json& spec, std::string_view name, double fallback, double lo, double hi) {
  const std::string field(name);
  return spec.contains(field) ? readDouble(spec[field], pointKey(name), lo, hi) : fallback;
}

MatrixXd readCenters(const json& spec) {
  if (!spec.contains("centers")) throw ConfigError(pointKey("centers") + ": required");
  MatrixXd centers = readMatrix(spec["centers"], pointKey("centers"));
  if (centers.cols() > kMaxDim) {
    throw ConfigError(pointKey("centers") + ": " + std::to_string(centers.cols()) +
                      " coordinates is more than " + std::to_string(kMaxDim));
  }
  return centers;
}

PointSet blobs(const json& spec, Rng& rng) {
  requireObjectWithKeys(spec, kPointPrefix,
                        {"kind", "n", "centers", "covariances", "std", "weights"});
  const Index n = readCount(spec);
  const MatrixXd centers = readCenters(spec);
  const Index K = centers.rows();
  const Index d = centers.cols();
  if (spec.contains("covariances") && spec.contains("std")) {
    throw ConfigError(pointKey("std") + ": give either \"std\" or \"covariances\", not both");
  }
  std::vector<MatrixXd> covariances;
  if (spec.contains("covariances")) {
    const json& list = spec["covariances"];
    if (!list.is_array() || static_cast<Index>(list.size()) != K) {
      throw ConfigError(pointKey("covariances") + ": expected " + std::to_string(K) +
                        " matrices, one per center");
    }
    for (Index j = 0; j < K; ++j) {
      covariances.push_back(readMatrix(list[static_cast<std::size_t>(j)],
                                       pointKey("covariances[" + std::to_string(j) + "]"), d, d));
    }
  } else {
    const double stddev = readOr(spec, "std", 1.0, 0.0, 1e6);
    covariances.assign(static_cast<std::size_t>(K), MatrixXd::Identity(d, d) * stddev * stddev);
  }
  std::vector<double> weights;
  if (spec.contains("weights")) {
    const Eigen::VectorXd w = readVector(spec["weights"], pointKey("weights"), K);
    if ((w.array() < 0.0).any() || w.sum() <= 0.0) {
      throw ConfigError(pointKey("weights") + ": must be non-negative and not all zero");
    }
    weights.assign(w.data(), w.data() + w.size());
  }
  return makeBlobs(n, centers, covariances, rng, weights);
}

PointSet anisotropic(const json& spec, Rng& rng) {
  requireObjectWithKeys(spec, kPointPrefix, {"kind", "n", "centers", "std", "transform"});
  const Index n = readCount(spec);
  const MatrixXd centers = readCenters(spec);
  const double stddev = readOr(spec, "std", 1.0, 0.0, 1e6);
  MatrixXd transform;
  if (spec.contains("transform")) {
    transform =
        readMatrix(spec["transform"], pointKey("transform"), centers.cols(), centers.cols());
  } else if (centers.cols() == 2) {
    transform.resize(2, 2);
    transform << 0.6, -0.64, -0.41, 0.85;  // scikit-learn's example
  } else {
    throw ConfigError(pointKey("transform") + ": required when the centers are not 2-D");
  }
  return makeAnisotropicBlobs(n, centers, stddev, transform, rng);
}

PointSet csv(const json& spec, const std::filesystem::path& baseDir) {
  requireObjectWithKeys(spec, kPointPrefix, {"kind", "path"});
  if (!spec.contains("path")) throw ConfigError(pointKey("path") + ": required");
  std::filesystem::path path = readString(spec["path"], pointKey("path"));
  if (path.is_relative() && !baseDir.empty()) path = baseDir / path;
  PointSet set;
  set.points = readCsvMatrix(path).values;
  return set;
}

}  // namespace

PointSet makeDataset(const json& spec, Rng& rng, const std::filesystem::path& baseDir) {
  if (!spec.is_object()) throw ConfigError(std::string(kPointPrefix) + ": expected an object");
  if (!spec.contains("kind")) throw ConfigError(pointKey("kind") + ": required");
  const std::string kind = readString(spec["kind"], pointKey("kind"));
  if (kind == "blobs") return blobs(spec, rng);
  if (kind == "anisotropic") return anisotropic(spec, rng);
  if (kind == "csv") return csv(spec, baseDir);
  if (kind == "moons") {
    requireObjectWithKeys(spec, kPointPrefix, {"kind", "n", "noise"});
    return makeMoons(readCount(spec), readOr(spec, "noise", 0.1, 0.0, 1e3), rng);
  }
  if (kind == "rings") {
    requireObjectWithKeys(spec, kPointPrefix, {"kind", "n", "radii", "noise"});
    std::vector<double> radii = {1.0, 2.0};
    if (spec.contains("radii")) {
      const Eigen::VectorXd r = readVector(spec["radii"], pointKey("radii"));
      if ((r.array() <= 0.0).any()) throw ConfigError(pointKey("radii") + ": must be positive");
      radii.assign(r.data(), r.data() + r.size());
    }
    return makeRings(readCount(spec), radii, readOr(spec, "noise", 0.05, 0.0, 1e3), rng);
  }
  if (kind == "uniform") {
    requireObjectWithKeys(spec, kPointPrefix, {"kind", "n", "low", "high"});
    Eigen::VectorXd low = Eigen::VectorXd::Constant(2, -1.0);
    Eigen::VectorXd high = Eigen::VectorXd::Constant(2, 1.0);
    if (spec.contains("low")) low = readVector(spec["low"], pointKey("low"));
    if (spec.contains("high")) high = readVector(spec["high"], pointKey("high"), low.size());
    if (high.size() != low.size()) {
      throw ConfigError(pointKey("low") + ": has " + std::to_string(low.size()) +
                        " entries, \"high\" has " + std::to_string(high.size()));
    }
    if ((high.array() < low.array()).any()) {
      throw ConfigError(pointKey("high") + ": must be >= \"low\" in every coordinate");
    }
    return makeUniform(readCount(spec), low, high, rng);
  }
  throw ConfigError(pointKey("kind") + ": \"" + kind +
                    "\" is not one of \"blobs\", \"anisotropic\", \"moons\", \"rings\", "
                    "\"uniform\", \"csv\"");
}

}  // namespace genlab::data
