#pragma once
// Settings of a Gaussian mixture model: typed, with defaults and ranges, and a strict JSON round
// trip in a lesson's "settings" format:
//
//   {"k": 3, "covariance": "full", "init": "kmeans++", "initial_means": [[0, 1], [2, 3], [4, 5]],
//    "reg_covar": 1e-6, "tol": 1e-3, "max_iter": 100}
//
// Every key is optional in fromJson (missing keys keep their defaults); an unknown key, a value
// of the wrong type or out of range throws genlab::ConfigError whose message starts with the key
// path, e.g. "settings.k: 0 is out of range [1, 64]".

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace genlab::gmm {

// Shape of the component covariances, as in scikit-learn's `covariance_type`.
enum class CovarianceType { Full, Diag, Spherical, Tied };

// How the means are chosen before the first EM iteration.
enum class InitMethod {
  KMeansPlusPlus,  // k-means++ seeding (D^2 sampling) on the data
  Random,          // k distinct data points drawn uniformly
  Manual,          // GmmConfig::initialMeans, placed by hand
};

std::string_view toString(CovarianceType type);
std::string_view toString(InitMethod method);
// Parse the JSON / command-line names; throw ConfigError("<key>: ...") on an unknown name.
CovarianceType parseCovarianceType(std::string_view name, std::string_view key = "covariance");
InitMethod parseInitMethod(std::string_view name, std::string_view key = "init");

struct GmmConfig {
  static constexpr int kMinK = 1;
  static constexpr int kMaxK = 64;
  static constexpr double kMaxRegCovar = 1e6;
  static constexpr int kMaxMaxIter = 1'000'000;

  int k = 3;                                         // components, [1, 64]
  CovarianceType covariance = CovarianceType::Full;  //
  InitMethod init = InitMethod::KMeansPlusPlus;      //
  Eigen::MatrixXd initialMeans;  // K x d, one mean per row; used (and required) when init=Manual
  double regCovar = 1e-6;        // added to covariance diagonals after each M-step, [0, 1e6]
  double tol = 1e-3;  // converged when |change of mean per-sample log-likelihood| < tol, [0, inf)
  int maxIter = 100;  // iteration cap for fit(), [1, 1e6]

  // Throws ConfigError naming `prefix`.key for a value out of range or inconsistent with the
  // others (initial_means with a row count other than k, init=manual without initial_means).
  void validate(std::string_view prefix = "settings") const;

  // Throws ConfigError unless initial_means (when used) has `dim` columns.
  void validateForDimension(Eigen::Index dim, std::string_view prefix = "settings") const;

  // All keys, always (initial_means only when not empty).
  nlohmann::json toJson() const;

  // Starts from `base` (defaults unless given), overrides the keys present, then validate()s.
  static GmmConfig fromJson(const nlohmann::json& json, std::string_view prefix,
                            const GmmConfig& base);
  static GmmConfig fromJson(const nlohmann::json& json, std::string_view prefix = "settings");
};

}  // namespace genlab::gmm
