#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

#include "core/math/tsne.h"
#include "core/util/errors.h"
#include "tsne_test_util.h"

namespace genlab::math {
namespace {

TEST(TsneEmbedding, WellSeparatedClustersStayTogether) {
  std::vector<int> labels;
  const RowMatrixXd x = test::gaussianClusters(3, 200, 10, 6.0, 21, &labels);
  TsneOptions options;
  options.threads = 2;
  const TsneResult result = runTsne(x, options);
  EXPECT_EQ(result.iterations, 1000);
  EXPECT_FALSE(result.stopped);
  EXPECT_GT(test::neighbourLabelAgreement(result.embedding, labels, 10), 0.95);
  // The optimiser's divergence (Barnes-Hut Z) agrees with the exact one on its embedding.
  const SparseAffinities p = jointAffinitiesKnn(x, options.perplexity, 2);
  EXPECT_NEAR(result.kl, exactKlDivergence(p, result.embedding), 0.02 * result.kl);
}

TEST(TsneEmbedding, ExactMethodSeparatesClustersToo) {
  std::vector<int> labels;
  const RowMatrixXd x = test::gaussianClusters(3, 40, 10, 6.0, 22, &labels);
  TsneOptions options;
  options.method = TsneOptions::Method::kExact;
  options.perplexity = 10.0;
  const TsneResult result = runTsne(x, options);
  EXPECT_GT(test::neighbourLabelAgreement(result.embedding, labels, 10), 0.95);
}

TEST(TsneEmbedding, SameSeedSameEmbeddingOnAnyThreadCount) {
  const RowMatrixXd x = test::gaussianClusters(4, 100, 8, 4.0, 23);
  TsneOptions options;
  options.init = TsneOptions::Init::kRandom;
  options.iterations = 300;
  options.seed = 5;
  options.threads = 1;
  const TsneResult a = runTsne(x, options);
  options.threads = 2;
  const TsneResult b = runTsne(x, options);
  EXPECT_EQ(a.embedding, b.embedding);
  options.seed = 6;
  const TsneResult c = runTsne(x, options);
  EXPECT_GT((a.embedding - c.embedding).norm(), 1e-3 * a.embedding.norm());
}

TEST(TsneEmbedding, PcaInitialisationIsScaledLikeScikitLearn) {
  const RowMatrixXd x = test::gaussianClusters(3, 50, 6, 4.0, 24);
  const Embedding y = pcaInitialisation(x);
  const double mean = y.col(0).mean();
  EXPECT_NEAR(std::sqrt((y.col(0).array() - mean).square().mean()), 1e-4, 1e-12);
  EXPECT_NEAR(mean, 0.0, 1e-12);
  // The first coordinate carries more variance than the second (principal axes in order).
  EXPECT_GT(y.col(0).squaredNorm(), y.col(1).squaredNorm());
}

TEST(TsneEmbedding, StopTokenEndsTheRunPromptly) {
  const RowMatrixXd x = test::gaussianClusters(3, 100, 5, 4.0, 25);
  std::stop_source source;
  std::atomic<int> calls = 0;
  TsneOptions options;
  options.progressEvery = 1;
  const TsneResult result = runTsne(x, options, source.get_token(), [&](const TsneProgress& p) {
    ++calls;
    EXPECT_EQ(p.embedding->rows(), x.rows());
    if (p.iteration == 37) source.request_stop();
  });
  EXPECT_TRUE(result.stopped);
  EXPECT_EQ(result.iterations, 37);
  EXPECT_EQ(calls.load(), 37);
  EXPECT_EQ(result.embedding.rows(), x.rows());
}

TEST(TsneEmbedding, WarmStartKeepsAConvergedPicture) {
  // Restarting from a converged embedding without exaggeration must not scramble it: the
  // points move little compared with the picture's size.
  const RowMatrixXd x = test::gaussianClusters(3, 100, 6, 5.0, 26);
  TsneOptions options;
  const TsneResult first = runTsne(x, options);
  TsneOptions warm = options;
  warm.init = TsneOptions::Init::kGiven;
  warm.exaggerationIterations = 0;
  warm.iterations = 200;
  const TsneResult second = runTsne(x, warm, {}, {}, &first.embedding);
  const double size = (first.embedding.rowwise() - first.embedding.colwise().mean()).norm();
  EXPECT_LT((second.embedding - first.embedding).norm(), 0.1 * size);
}

TEST(TsneEmbedding, BadSettingsAreConfigErrors) {
  const RowMatrixXd x = test::gaussianClusters(2, 20, 3, 3.0, 27);
  TsneOptions options;
  options.perplexity = 5.0;
  options.theta = -0.1;
  EXPECT_THROW(runTsne(x, options), ConfigError);
  options.theta = 0.5;
  options.init = TsneOptions::Init::kGiven;
  EXPECT_THROW(runTsne(x, options), ConfigError);  // no initial embedding
  const Embedding wrong = Embedding::Zero(3, 2);
  EXPECT_THROW(runTsne(x, options, {}, {}, &wrong), ConfigError);
  RowMatrixXd nan = x;
  nan(3, 1) = std::nan("");
  options.init = TsneOptions::Init::kPca;
  EXPECT_THROW(runTsne(nan, options), ConfigError);
}

TEST(TsneEmbedding, FinalDivergenceIsNoWorseThanScikitLearnsOnTheSamePoints) {
  // Fixture: tests/unit/tsne/make_sklearn_fixture.py (scikit-learn 1.2, Barnes-Hut, same
  // perplexity, iterations and PCA initialisation). Both embeddings are judged by the exact KL
  // under the same P.
  const std::string dir = std::string(GENLAB_TEST_DATA_DIR) + "/tsne/";
  const RowMatrixXd x = test::readCsv(dir + "digits400.csv");
  const RowMatrixXd theirsRaw = test::readCsv(dir + "sklearn_embedding.csv");
  ASSERT_EQ(x.rows(), 400);
  ASSERT_EQ(theirsRaw.rows(), 400);
  const Embedding theirs = theirsRaw;
  TsneOptions options;
  options.threads = 2;
  const TsneResult ours = runTsne(x, options);
  const SparseAffinities p = jointAffinitiesKnn(x, options.perplexity, 2);
  const double klOurs = exactKlDivergence(p, ours.embedding);
  const double klTheirs = exactKlDivergence(p, theirs);
  RecordProperty("kl_genlab", std::to_string(klOurs));
  RecordProperty("kl_sklearn", std::to_string(klTheirs));
  EXPECT_LT(klOurs, 1.03 * klTheirs) << "genlab " << klOurs << " scikit-learn " << klTheirs;
  EXPECT_GT(klOurs, 0.8 * klTheirs) << "genlab " << klOurs << " scikit-learn " << klTheirs;
}

}  // namespace
}  // namespace genlab::math
