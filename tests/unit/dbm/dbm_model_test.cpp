// The stacked representation, the conditionals, the JSON round trip and its errors, and the
// greedy composition's halving.

#include "core/models/dbm/dbm_model.h"

#include <gtest/gtest.h>

#include "core/models/dbm/dbm_pretraining.h"
#include "core/util/errors.h"
#include "tests/unit/dbm/dbm_test_util.h"

namespace genlab::dbm {
namespace {

TEST(DbmModel, ConditionalsMatchTheEnergy) {
  // p(h1_j = 1 | v, h2) = sigmoid(-E(h1_j = 1) + E(h1_j = 0)), and alike for v_i and h2_k.
  const Dbm dbm = test::randomDbm(4, 3, 2, 6, 1.0);
  const Eigen::VectorXd v = (Eigen::VectorXd(4) << 1, 0, 1, 1).finished();
  const Eigen::VectorXd h1 = (Eigen::VectorXd(3) << 0, 1, 1).finished();
  const Eigen::VectorXd h2 = (Eigen::VectorXd(2) << 1, 0).finished();
  const auto flipGain = [&](Eigen::VectorXd a, Eigen::VectorXd b, Eigen::VectorXd c, int layer,
                            int unit) {
    Eigen::VectorXd& x = layer == 0 ? a : (layer == 1 ? b : c);
    x(unit) = 1;
    const double on = negativeEnergy(dbm, a, b, c);
    x(unit) = 0;
    return 1.0 / (1.0 + std::exp(-(on - negativeEnergy(dbm, a, b, c))));
  };
  const Eigen::MatrixXd p1 = hidden1Probabilities(dbm, v.transpose(), h2.transpose());
  const Eigen::MatrixXd pv = visibleProbabilities(dbm, h1.transpose());
  const Eigen::MatrixXd p2 = hidden2Probabilities(dbm, h1.transpose());
  for (int j = 0; j < 3; ++j) EXPECT_NEAR(p1(0, j), flipGain(v, h1, h2, 1, j), 1e-14);
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(pv(0, i), flipGain(v, h1, h2, 0, i), 1e-14);
  for (int k = 0; k < 2; ++k) EXPECT_NEAR(p2(0, k), flipGain(v, h1, h2, 2, k), 1e-14);
}

TEST(DbmModel, JsonRoundTripsAndNamesTheBadKey) {
  const Dbm dbm = test::randomDbm(4, 3, 2, 1, 1.0);
  const nlohmann::json json = toJson(dbm);
  const Dbm back = dbmFromJson(json);
  EXPECT_EQ(back.stacked.weights, dbm.stacked.weights);
  EXPECT_EQ(back.stacked.visibleBias, dbm.stacked.visibleBias);
  EXPECT_EQ(back.stacked.hiddenBias, dbm.stacked.hiddenBias);
  EXPECT_EQ(back.visible(), 4);

  const auto message = [](const nlohmann::json& bad) {
    try {
      dbmFromJson(bad);
    } catch (const ConfigError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  nlohmann::json bad = json;
  bad["hidden2_bias"] = {0.0, 0.0, 0.0};
  EXPECT_NE(message(bad).find("hidden2_bias: 3 entries, w2 has 2 columns"), std::string::npos)
      << message(bad);
  bad = json;
  bad["w2"] = {{1.0, 2.0}};
  EXPECT_NE(message(bad).find("w2: 1 rows, w1 has 3 columns"), std::string::npos) << message(bad);
  bad = json;
  bad.erase("w1");
  EXPECT_NE(message(bad).find("w1"), std::string::npos) << message(bad);
}

TEST(DbmPretraining, ComposeHalvesTheWeightsIntoTheMiddleLayer) {
  const rbm::Rbm first = rbm::test::randomRbm(5, 3, 1);
  const rbm::Rbm second = rbm::test::randomRbm(3, 2, 2);
  const Dbm dbm = composeGreedy(first, second);
  EXPECT_TRUE(dbm.w1().isApprox(0.5 * first.weights, 0.0));
  EXPECT_TRUE(dbm.w2().isApprox(0.5 * second.weights, 0.0));
  EXPECT_EQ(Eigen::VectorXd(dbm.visibleBias()), first.visibleBias);
  EXPECT_EQ(Eigen::VectorXd(dbm.hidden2Bias()), second.hiddenBias);
  EXPECT_TRUE(dbm.hidden1Bias().isApprox(0.5 * (first.hiddenBias + second.visibleBias)));
  EXPECT_THROW(composeGreedy(first, rbm::test::randomRbm(4, 2, 3)), ConfigError);
}

}  // namespace
}  // namespace genlab::dbm
