// VaeConfig: strict settings with errors naming the key, the JSON round trip, the warm-up ramp.

#include "core/models/vae/vae_config.h"

#include <gtest/gtest.h>

#include "core/util/errors.h"

namespace genlab::vae {
namespace {

using nlohmann::json;

std::string errorOf(const json& settings) {
  try {
    VaeConfig::fromJson(settings);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

TEST(VaeConfig, RoundTripsEveryKey) {
  const json in = {{"architecture", "conv"},
                   {"latent", 10},
                   {"hidden", 64},
                   {"likelihood", "gaussian"},
                   {"beta", 4.0},
                   {"warmup_steps", 500},
                   {"batch", 32},
                   {"lr", 5e-4},
                   {"eval_every", 50},
                   {"tc_estimator", "full"},
                   {"load", "a/b.pt"}};
  const VaeConfig config = VaeConfig::fromJson(in);
  EXPECT_EQ(config.architecture, Architecture::kConv);
  EXPECT_EQ(config.latent, 10);
  EXPECT_EQ(config.likelihood, Likelihood::kGaussian);
  EXPECT_EQ(config.tcEstimator, TcEstimator::kFullSubset);
  EXPECT_EQ(config.toJson(), in);
}

TEST(VaeConfig, DefaultsAreTheIssueOnes) {
  const VaeConfig config = VaeConfig::fromJson(json::object());
  EXPECT_EQ(config.architecture, Architecture::kMlp);
  EXPECT_EQ(config.hidden, 400);
  EXPECT_EQ(config.batch, 128);
  EXPECT_DOUBLE_EQ(config.lr, 1e-3);
  EXPECT_DOUBLE_EQ(config.beta, 1.0);
  EXPECT_EQ(config.tcEstimator, TcEstimator::kFullSubset);  // MWS is biased (vae_config.h)
  EXPECT_FALSE(config.toJson().contains("load"));
}

TEST(VaeConfig, ErrorsNameTheKey) {
  EXPECT_EQ(errorOf({{"latent", 33}}).rfind("settings.latent", 0), 0u) << errorOf({{"latent", 33}});
  EXPECT_EQ(errorOf({{"latent", 1}}).rfind("settings.latent", 0), 0u);
  EXPECT_EQ(errorOf({{"latent", 2.5}}).rfind("settings.latent", 0), 0u);
  EXPECT_EQ(errorOf({{"architecture", "rnn"}}).rfind("settings.architecture", 0), 0u);
  EXPECT_NE(errorOf({{"architecture", "rnn"}}).find("\"mlp\""), std::string::npos);
  EXPECT_EQ(errorOf({{"likelihood", 3}}).rfind("settings.likelihood", 0), 0u);
  EXPECT_EQ(errorOf({{"beta", -1}}).rfind("settings.beta", 0), 0u);
  EXPECT_EQ(errorOf({{"lr", 0}}).rfind("settings.lr", 0), 0u);
  EXPECT_EQ(errorOf({{"batch", 0}}).rfind("settings.batch", 0), 0u);
  EXPECT_EQ(errorOf({{"eval_every", 0}}).rfind("settings.eval_every", 0), 0u);
  EXPECT_NE(errorOf({{"betta", 4}}).find("betta"), std::string::npos);
}

TEST(VaeConfig, WarmUpRampsBetaLinearlyFromZero) {
  VaeConfig config;
  config.beta = 4.0;
  config.warmupSteps = 100;
  EXPECT_DOUBLE_EQ(config.effectiveBeta(0), 0.0);
  EXPECT_DOUBLE_EQ(config.effectiveBeta(25), 1.0);
  EXPECT_DOUBLE_EQ(config.effectiveBeta(100), 4.0);
  EXPECT_DOUBLE_EQ(config.effectiveBeta(5000), 4.0);
  config.warmupSteps = 0;
  EXPECT_DOUBLE_EQ(config.effectiveBeta(0), 4.0);
}

TEST(VaeConfig, OnlyTheNetworkShapeRebuilds) {
  for (const char* key : {"architecture", "latent", "hidden", "likelihood", "load"})
    EXPECT_TRUE(VaeConfig::rebuildsNetwork(key)) << key;
  for (const char* key : {"beta", "warmup_steps", "lr", "eval_every", "batch", "tc_estimator"})
    EXPECT_FALSE(VaeConfig::rebuildsNetwork(key)) << key;
}

}  // namespace
}  // namespace genlab::vae
