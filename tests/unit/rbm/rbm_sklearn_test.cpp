// genlab's RBM against scikit-learn's BernoulliRBM (tests/unit/rbm/sklearn_fixture.py wrote
// tests/data/rbm/sklearn_bernoulli_rbm.json): one PCD-1 epoch replaying scikit-learn's uniforms
// must reach its weights; free energy, score_samples' one-pixel term and the exact
// pseudo-likelihood must equal scikit-learn's.

#include <gtest/gtest.h>

#include <deque>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/data/json_fields.h"
#include "core/models/rbm/rbm_learning.h"
#include "core/models/rbm/rbm_pseudo_likelihood.h"

namespace genlab::rbm {
namespace {

using Eigen::MatrixXd;
using nlohmann::json;

json fixture() {
  std::ifstream in(std::string(GENLAB_TEST_DATA_DIR) + "/rbm/sklearn_bernoulli_rbm.json");
  EXPECT_TRUE(in.good());
  return json::parse(in);
}

TEST(RbmSklearn, OnePcdEpochReachesScikitLearnsWeights) {
  const json f = fixture();
  const MatrixXd data = data::readMatrix(f["data"], "data");
  const int batch = f["batch"].get<int>();
  Rbm rbm = rbmFromJson(f["epoch"]["initial"]);
  const Rbm after = rbmFromJson(f["epoch"]["after"]);

  std::deque<MatrixXd> uniforms;
  for (const json& u : f["epoch"]["uniforms"]) uniforms.push_back(data::readMatrix(u, "uniforms"));
  const UniformFill replay = [&uniforms](MatrixXd& m) {
    ASSERT_FALSE(uniforms.empty()) << "more uniforms drawn than scikit-learn drew";
    ASSERT_EQ(m.rows(), uniforms.front().rows());
    ASSERT_EQ(m.cols(), uniforms.front().cols()) << "drawn in another order than scikit-learn";
    m = uniforms.front();
    uniforms.pop_front();
  };
  LearningSettings settings;
  settings.persistent = true;
  settings.learningRate = f["learning_rate"].get<double>();
  ContrastiveDivergence pcd(settings, rbm.visible(), rbm.hidden(), batch);
  for (Eigen::Index start = 0; start < data.rows(); start += batch) {
    pcd.update(rbm, data.middleRows(start, batch), replay);
  }
  EXPECT_TRUE(uniforms.empty());
  EXPECT_LT((rbm.weights - after.weights).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_LT((rbm.visibleBias - after.visibleBias).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_LT((rbm.hiddenBias - after.hiddenBias).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_EQ(pcd.chains(), data::readMatrix(f["epoch"]["hidden_samples_after"], "h"));
  // The epoch moved the weights well beyond the tolerance.
  EXPECT_GT((after.weights - rbmFromJson(f["epoch"]["initial"]).weights).cwiseAbs().maxCoeff(),
            1e-3);
}

TEST(RbmSklearn, FreeEnergyAndPseudoLikelihoodEqualScikitLearns) {
  const json f = fixture();
  const json& s = f["scoring"];
  const MatrixXd data = data::readMatrix(f["data"], "data");
  const Rbm rbm = rbmFromJson(s["model"]);
  const Eigen::VectorXd energy = freeEnergy(rbm, data);
  const Eigen::VectorXd want = data::readVector(s["free_energy"], "free_energy");
  EXPECT_LT((energy - want).cwiseAbs().maxCoeff(), 1e-12);

  std::vector<Eigen::Index> pixels;
  for (const json& p : s["score_samples_pixels"]) pixels.push_back(p.get<Eigen::Index>());
  const Eigen::VectorXd oneTerm = pixelTerm(rbm, data, pixels) * static_cast<double>(rbm.visible());
  const Eigen::VectorXd scikit = data::readVector(s["score_samples"], "score_samples");
  EXPECT_LT((oneTerm - scikit).cwiseAbs().maxCoeff(), 1e-11);

  const Eigen::VectorXd exact = pseudoLogLikelihood(rbm, data);
  const Eigen::VectorXd wantExact =
      data::readVector(s["exact_pseudo_likelihood"], "exact_pseudo_likelihood");
  EXPECT_LT((exact - wantExact).cwiseAbs().maxCoeff(), 1e-11);
  // score_samples is a one-pixel estimate of the exact sum: not equal image by image.
  EXPECT_GT((scikit - wantExact).cwiseAbs().maxCoeff(), 0.1);
}

}  // namespace
}  // namespace genlab::rbm
