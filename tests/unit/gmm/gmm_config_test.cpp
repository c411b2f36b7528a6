#include "core/models/gmm/gmm_config.h"

#include <gtest/gtest.h>

#include <string>

#include "core/util/errors.h"

namespace genlab::gmm {
namespace {

using nlohmann::json;

std::string errorOf(const json& settings) {
  try {
    GmmConfig::fromJson(settings);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(GmmConfig, DefaultsAreValid) {
  const GmmConfig config;
  EXPECT_NO_THROW(config.validate());
  EXPECT_EQ(config.k, 3);
  EXPECT_EQ(config.covariance, CovarianceType::Full);
  EXPECT_EQ(config.init, InitMethod::KMeans);  // scikit-learn's default
  EXPECT_EQ(config.nInit, 1);
}

TEST(GmmConfig, JsonRoundTripKeepsEveryField) {
  GmmConfig config;
  config.k = 2;
  config.covariance = CovarianceType::Tied;
  config.init = InitMethod::Manual;
  config.initialMeans = Eigen::MatrixXd{{0.5, -1.25}, {3.0, 4.0}};
  config.regCovar = 1e-3;
  config.tol = 0.0;
  config.maxIter = 7;
  config.nInit = 4;
  const json text = config.toJson();
  const GmmConfig back = GmmConfig::fromJson(json::parse(text.dump()));
  EXPECT_EQ(back.k, 2);
  EXPECT_EQ(back.covariance, CovarianceType::Tied);
  EXPECT_EQ(back.init, InitMethod::Manual);
  EXPECT_EQ(back.initialMeans, config.initialMeans);
  EXPECT_EQ(back.regCovar, 1e-3);
  EXPECT_EQ(back.tol, 0.0);
  EXPECT_EQ(back.maxIter, 7);
  EXPECT_EQ(back.nInit, 4);
  EXPECT_EQ(back.toJson(), text);
}

TEST(GmmConfig, EveryNameRoundTrips) {
  for (auto type : {CovarianceType::Full, CovarianceType::Diag, CovarianceType::Spherical,
                    CovarianceType::Tied}) {
    EXPECT_EQ(parseCovarianceType(toString(type)), type);
  }
  for (auto method : kInitMethods) EXPECT_EQ(parseInitMethod(toString(method)), method);
  EXPECT_EQ(parseInitMethod("k-means++"), InitMethod::KMeansPlusPlus);  // scikit-learn's name
}

TEST(GmmConfig, MissingKeysKeepDefaults) {
  const GmmConfig config = GmmConfig::fromJson(json{{"k", 5}});
  EXPECT_EQ(config.k, 5);
  EXPECT_EQ(config.maxIter, GmmConfig{}.maxIter);
}

TEST(GmmConfig, ErrorsNameTheKey) {
  EXPECT_EQ(errorOf({{"k", 0}}), "settings.k: 0 is out of range [1, 64]");
  EXPECT_EQ(errorOf({{"k", 65}}), "settings.k: 65 is out of range [1, 64]");
  EXPECT_EQ(errorOf({{"n_init", 0}}), "settings.n_init: 0 is out of range [1, 1000]");
  EXPECT_EQ(errorOf({{"kk", 3}}).rfind("settings.kk: unknown key", 0), 0u);
  EXPECT_EQ(errorOf({{"k", "3"}}).rfind("settings.k: expected an integer", 0), 0u);
  EXPECT_EQ(errorOf({{"k", 2.5}}).rfind("settings.k: expected an integer", 0), 0u);
  EXPECT_EQ(errorOf({{"covariance", "round"}}).rfind("settings.covariance: \"round\"", 0), 0u);
  EXPECT_EQ(errorOf({{"init", 3}}).rfind("settings.init: expected a string", 0), 0u);
  EXPECT_EQ(errorOf({{"reg_covar", -1.0}}).rfind("settings.reg_covar: -1.0 is out of range", 0),
            0u);
  EXPECT_EQ(errorOf({{"tol", -0.5}}).rfind("settings.tol: ", 0), 0u);
  EXPECT_EQ(errorOf({{"max_iter", 0}}).rfind("settings.max_iter: 0 is out of range", 0), 0u);
  EXPECT_EQ(errorOf(json::array()).rfind("settings: expected an object", 0), 0u);
}

TEST(GmmConfig, ManualInitNeedsMatchingMeans) {
  EXPECT_EQ(errorOf({{"init", "manual"}}),
            "settings.initial_means: required when init is \"manual\"");
  EXPECT_EQ(errorOf({{"k", 3}, {"init", "manual"}, {"initial_means", {{0, 0}, {1, 1}}}}),
            "settings.initial_means: has 2 rows, expected k = 3");
  EXPECT_EQ(errorOf({{"k", 2}, {"initial_means", {{0, 0}, {1}}}}),
            "settings.initial_means[1]: has 1 entries, expected 2");
  EXPECT_EQ(errorOf({{"k", 1}, {"initial_means", {{0, "a"}}}})
                .rfind("settings.initial_means[0][1]: expected a number", 0),
            0u);
  GmmConfig config =
      GmmConfig::fromJson({{"k", 1}, {"init", "manual"}, {"initial_means", {{0, 0}}}});
  EXPECT_THROW(config.validateForDimension(3), ConfigError);
  EXPECT_NO_THROW(config.validateForDimension(2));
}

TEST(GmmConfig, PrefixIsConfigurable) {
  try {
    GmmConfig::fromJson(json{{"k", 0}}, "lesson.settings");
    FAIL();
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("lesson.settings.k: ", 0), 0u);
  }
}

}  // namespace
}  // namespace genlab::gmm
