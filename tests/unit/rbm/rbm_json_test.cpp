// The model JSON: round trip, and a message naming the key for each wrong shape.

#include <gtest/gtest.h>

#include "core/models/rbm/rbm_config.h"
#include "core/models/rbm/rbm_model.h"
#include "core/util/errors.h"
#include "tests/unit/rbm/rbm_test_util.h"

namespace genlab::rbm {
namespace {

using nlohmann::json;

std::string errorOf(const json& value) {
  try {
    rbmFromJson(value);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "no error";
}

TEST(RbmJson, RoundTrips) {
  const Rbm rbm = test::randomRbm(5, 3, 2, 1.0);
  const Rbm back = rbmFromJson(json::parse(toJson(rbm).dump()));
  EXPECT_EQ(back.weights, rbm.weights);
  EXPECT_EQ(back.visibleBias, rbm.visibleBias);
  EXPECT_EQ(back.hiddenBias, rbm.hiddenBias);
  EXPECT_EQ(toJson(rbm)["weights"].size(), 5U);  // [visible][hidden]
  EXPECT_EQ(toJson(rbm)["weights"][0].size(), 3U);
}

TEST(RbmJson, WrongShapesNameTheKey) {
  const json good = toJson(test::randomRbm(3, 2, 1, 1.0));
  json ragged = good;
  ragged["weights"][1] = {1.0};
  EXPECT_NE(errorOf(ragged).find("weights[1]: has 1 entries, expected 2"), std::string::npos)
      << errorOf(ragged);
  json shortBias = good;
  shortBias["visible_bias"] = {0.0, 0.0};
  EXPECT_NE(errorOf(shortBias).find("visible_bias: 2 entries, weights has 3 rows"),
            std::string::npos)
      << errorOf(shortBias);
  json longHidden = good;
  longHidden["hidden_bias"] = {0.0, 0.0, 0.0};
  EXPECT_NE(errorOf(longHidden).find("hidden_bias: 3 entries, weights has 2 columns"),
            std::string::npos)
      << errorOf(longHidden);
  json missing = good;
  missing.erase("hidden_bias");
  EXPECT_NE(errorOf(missing).find("hidden_bias: missing"), std::string::npos) << errorOf(missing);
  json text = good;
  text["weights"][0][1] = "x";
  EXPECT_NE(errorOf(text).find("weights[0][1]"), std::string::npos) << errorOf(text);
  json extra = good;
  extra["bias"] = 1;
  EXPECT_NE(errorOf(extra).find("bias"), std::string::npos) << errorOf(extra);
}

TEST(RbmConfig, RoundTripsAndNamesBadKeys) {
  RbmConfig config;
  config.hidden = 20;
  config.learning.persistent = false;
  config.learning.cdSteps = 3;
  const RbmConfig back = RbmConfig::fromJson(config.toJson());
  EXPECT_EQ(back.toJson(), config.toJson());
  EXPECT_THROW(RbmConfig::fromJson({{"method", "pcd2"}}), ConfigError);
  try {
    RbmConfig::fromJson({{"hidden", 0}});
    FAIL() << "hidden 0 accepted";
  } catch (const ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("settings.hidden"), std::string::npos);
  }
}

}  // namespace
}  // namespace genlab::rbm
