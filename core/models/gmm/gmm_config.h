#pragma once
// Settings of a Gaussian mixture model: typed, with defaults and ranges, and a strict JSON round
// trip in a lesson's "settings" format:
//
//   {"k": 3, "covariance": "full", "init": "kmeans", "initial_means": [[0, 1], [2, 3], [4, 5]],
//    "reg_covar": 1e-6, "tol": 1e-3, "max_iter": 100, "n_init": 1}
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

// How the mixture starts, with scikit-learn's meaning of each name (its `init_params`), plus
// two teaching starts. The first four choose responsibilities and take one M-step from them, so the
// start has real ellipses: see GaussianMixture::initialize().
enum class InitMethod {
  KMeans,          // "kmeans": k-means++ seeds, Lloyd's k-means, each point to its cluster
  KMeansPlusPlus,  // "kmeans++": k-means++ seeds, each point to its nearest seed
  RandomFromData,  // "random_from_data": K distinct data points, each point to the nearest
  Random,          // "random": every point's responsibilities drawn uniformly, then normalised
  // The two teaching starts: equal weights and every covariance the whole data's, so the first
  // picture shows wide ellipses that EM visibly pulls onto the clusters.
  RandomWide,  // "random_wide": the means at K distinct data points drawn uniformly
  Manual,      // "manual": the means at GmmConfig::initialMeans, placed by hand
};

inline constexpr InitMethod kInitMethods[] = {
    InitMethod::KMeans, InitMethod::KMeansPlusPlus, InitMethod::RandomFromData,
    InitMethod::Random, InitMethod::RandomWide,     InitMethod::Manual};

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
  static constexpr int kMaxNInit = 1000;

  int k = 3;                                         // components, [1, 64]
  CovarianceType covariance = CovarianceType::Full;  //
  InitMethod init = InitMethod::KMeans;              // as scikit-learn's default
  Eigen::MatrixXd initialMeans;  // K x d, one mean per row; used (and required) when init=Manual
  double regCovar = 1e-6;        // added to covariance diagonals after each M-step, [0, 1e6]
  double tol = 1e-3;  // converged when |change of mean per-sample log-likelihood| < tol, [0, inf)
  int maxIter = 100;  // iteration cap for fit(), [1, 1e6]
  // Starts fitted to convergence by fitBestOfStarts() (the command line, the BIC/AIC curve),
  // the best kept; [1, 1000]. The live lab shows one start at a time ("New start" for another).
  int nInit = 1;

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
