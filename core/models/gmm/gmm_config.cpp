#include "core/models/gmm/gmm_config.h"

#include <cmath>
#include <string>

#include "core/data/json_fields.h"
#include "core/util/errors.h"

namespace genlab::gmm {

using data::joinKey;
using nlohmann::json;

std::string_view toString(CovarianceType type) {
  switch (type) {
    case CovarianceType::Full:
      return "full";
    case CovarianceType::Diag:
      return "diag";
    case CovarianceType::Spherical:
      return "spherical";
    case CovarianceType::Tied:
      return "tied";
  }
  return "full";
}

std::string_view toString(InitMethod method) {
  switch (method) {
    case InitMethod::KMeans:
      return "kmeans";
    case InitMethod::KMeansPlusPlus:
      return "kmeans++";
    case InitMethod::RandomFromData:
      return "random_from_data";
    case InitMethod::Random:
      return "random";
    case InitMethod::RandomWide:
      return "random_wide";
    case InitMethod::Manual:
      return "manual";
  }
  return "kmeans";
}

CovarianceType parseCovarianceType(std::string_view name, std::string_view key) {
  for (auto type : {CovarianceType::Full, CovarianceType::Diag, CovarianceType::Spherical,
                    CovarianceType::Tied}) {
    if (name == toString(type)) return type;
  }
  throw ConfigError(std::string(key) + ": \"" + std::string(name) +
                    "\" is not one of \"full\", \"diag\", \"spherical\", \"tied\"");
}

InitMethod parseInitMethod(std::string_view name, std::string_view key) {
  if (name == "k-means++") return InitMethod::KMeansPlusPlus;  // scikit-learn's spelling
  for (auto method : kInitMethods) {
    if (name == toString(method)) return method;
  }
  throw ConfigError(std::string(key) + ": \"" + std::string(name) +
                    "\" is not one of \"kmeans\", \"kmeans++\", \"random_from_data\", "
                    "\"random\", \"random_wide\", \"manual\"");
}

void GmmConfig::validate(std::string_view prefix) const {
  const auto outOfRange = [&](std::string_view key, const std::string& value,
                              const std::string& range) {
    throw ConfigError(joinKey(prefix, key) + ": " + value + " is out of range " + range);
  };
  if (k < kMinK || k > kMaxK) {
    outOfRange("k", std::to_string(k),
               "[" + std::to_string(kMinK) + ", " + std::to_string(kMaxK) + "]");
  }
  if (!(regCovar >= 0.0 && regCovar <= kMaxRegCovar)) {
    outOfRange("reg_covar", json(regCovar).dump(), "[0, " + json(kMaxRegCovar).dump() + "]");
  }
  if (!(tol >= 0.0) || !std::isfinite(tol)) outOfRange("tol", json(tol).dump(), "[0, inf)");
  if (maxIter < 1 || maxIter > kMaxMaxIter) {
    outOfRange("max_iter", std::to_string(maxIter), "[1, " + std::to_string(kMaxMaxIter) + "]");
  }
  if (nInit < 1 || nInit > kMaxNInit) {
    outOfRange("n_init", std::to_string(nInit), "[1, " + std::to_string(kMaxNInit) + "]");
  }
  if (init == InitMethod::Manual && initialMeans.size() == 0) {
    throw ConfigError(joinKey(prefix, "initial_means") + ": required when init is \"manual\"");
  }
  if (initialMeans.size() != 0) {
    if (initialMeans.rows() != k) {
      throw ConfigError(joinKey(prefix, "initial_means") + ": has " +
                        std::to_string(initialMeans.rows()) +
                        " rows, expected k = " + std::to_string(k));
    }
    if (!initialMeans.allFinite()) {
      throw ConfigError(joinKey(prefix, "initial_means") + ": contains NaN or Inf");
    }
  }
}

void GmmConfig::validateForDimension(Eigen::Index dim, std::string_view prefix) const {
  if (init == InitMethod::Manual && initialMeans.cols() != dim) {
    throw ConfigError(joinKey(prefix, "initial_means") + ": means have " +
                      std::to_string(initialMeans.cols()) + " coordinates, the data has " +
                      std::to_string(dim));
  }
}

json GmmConfig::toJson() const {
  json out = {{"k", k},
              {"covariance", std::string(toString(covariance))},
              {"init", std::string(toString(init))},
              {"reg_covar", regCovar},
              {"tol", tol},
              {"max_iter", maxIter},
              {"n_init", nInit}};
  if (initialMeans.size() != 0) out["initial_means"] = data::toJson(initialMeans);
  return out;
}

GmmConfig GmmConfig::fromJson(const json& value, std::string_view prefix) {
  return fromJson(value, prefix, GmmConfig{});
}

GmmConfig GmmConfig::fromJson(const json& value, std::string_view prefix, const GmmConfig& base) {
  data::requireObjectWithKeys(
      value, prefix,
      {"k", "covariance", "init", "initial_means", "reg_covar", "tol", "max_iter", "n_init"});
  GmmConfig config = base;
  const auto key = [&](std::string_view name) { return joinKey(prefix, name); };
  if (value.contains("k"))
    config.k = static_cast<int>(data::readInt(value["k"], key("k"), kMinK, kMaxK));
  if (value.contains("covariance")) {
    config.covariance = parseCovarianceType(
        data::readString(value["covariance"], key("covariance")), key("covariance"));
  }
  if (value.contains("init")) {
    config.init = parseInitMethod(data::readString(value["init"], key("init")), key("init"));
  }
  if (value.contains("initial_means")) {
    config.initialMeans = data::readMatrix(value["initial_means"], key("initial_means"));
  }
  if (value.contains("reg_covar")) {
    config.regCovar = data::readDouble(value["reg_covar"], key("reg_covar"), 0.0, kMaxRegCovar);
  }
  if (value.contains("tol")) config.tol = data::readDouble(value["tol"], key("tol"), 0.0, HUGE_VAL);
  if (value.contains("n_init")) {
    config.nInit = static_cast<int>(data::readInt(value["n_init"], key("n_init"), 1, kMaxNInit));
  }
  if (value.contains("max_iter")) {
    config.maxIter =
        static_cast<int>(data::readInt(value["max_iter"], key("max_iter"), 1, kMaxMaxIter));
  }
  config.validate(prefix);
  return config;
}

}  // namespace genlab::gmm
