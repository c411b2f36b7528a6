// One negative-sampling update against the gradient worked by hand, and against a double-
// precision replay of the update rule for every negative drawn.
#include <gtest/gtest.h>

#include <cmath>

#include "core/models/word2vec/word2vec_model.h"

namespace genlab::word2vec {
namespace {

double sigma(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

// Vocabulary {a: 0, b: 1}; the corpus only sizes the model.
Word2Vec twoWordModel(int dim, int negative) {
  Word2VecConfig config;
  config.dim = dim;
  config.negative = negative;
  config.minCount = 1;
  const text::TokenisedText text = text::tokeniseText("a a b\n", "mem");
  text::Vocabulary vocabulary = text::Vocabulary::build(text.tokens, 1);
  text::EncodedCorpus corpus = text::encode(text, vocabulary);
  return Word2Vec(config, std::move(vocabulary), std::move(corpus));
}

TEST(SgnsUpdate, MatchesTheHandComputedGradient) {
  Word2Vec model = twoWordModel(2, 3);
  model.inputVectors() = {9.0f, 9.0f, 1.0f, 2.0f};    // h = v_b = (1, 2)
  model.outputVectors() = {0.5f, 0.25f, 0.0f, 0.0f};  // u_a = (0.5, 0.25), u_b = 0
  const float alpha = 0.5f;
  const PairUpdate update = model.trainPair(/*centre=*/0, /*context=*/1, alpha);

  // Positive: u_a . h = 1, sigma(1) = 0.7310586, g = (1 - sigma(1)) * alpha = 0.1344707.
  EXPECT_NEAR(update.positiveBefore, 0.7310585786, 1e-6);
  const double g = (1.0 - 0.7310585786300049) * 0.5;
  const auto& out = model.outputVectors();
  EXPECT_NEAR(out[0], 0.5 + g * 1.0, 1e-6);  // u_a += g h
  EXPECT_NEAR(out[1], 0.25 + g * 2.0, 1e-6);

  // Negatives can only be b (a draw of the target a is skipped).
  ASSERT_LE(update.negatives.size(), 3u);
  for (const int n : update.negatives) EXPECT_EQ(n, 1);
  // Replay in double: h stays fixed during the k + 1 predictions, each output vector moves by
  // g h, and h moves once at the end by the sum of g u (u before its own update).
  double h[2] = {1.0, 2.0}, ua[2] = {0.5, 0.25}, ub[2] = {0.0, 0.0}, e[2] = {0.0, 0.0};
  const auto predict = [&](double* u, double label, float before) {
    const double f = u[0] * h[0] + u[1] * h[1];
    EXPECT_NEAR(before, sigma(f), 1e-6);
    const double gg = (label - sigma(f)) * alpha;
    for (int d = 0; d < 2; ++d) e[d] += gg * u[d];
    for (int d = 0; d < 2; ++d) u[d] += gg * h[d];
  };
  predict(ua, 1.0, update.positiveBefore);
  for (std::size_t k = 0; k < update.negatives.size(); ++k) {
    predict(ub, 0.0, update.negativeBefore[k]);
  }
  for (int d = 0; d < 2; ++d) h[d] += e[d];
  const auto& in = model.inputVectors();
  EXPECT_NEAR(in[2], h[0], 1e-6);
  EXPECT_NEAR(in[3], h[1], 1e-6);
  EXPECT_EQ(in[0], 9.0f);  // a's input vector is not touched
  EXPECT_NEAR(out[2], ub[0], 1e-6);
  EXPECT_NEAR(out[3], ub[1], 1e-6);
  // sigma after: the moved vectors, and the update did its job.
  EXPECT_NEAR(update.positiveAfter, sigma(ua[0] * h[0] + ua[1] * h[1]), 1e-6);
  EXPECT_GT(update.positiveAfter, update.positiveBefore);
  for (std::size_t k = 0; k < update.negatives.size(); ++k) {
    EXPECT_NEAR(update.negativeAfter[k], sigma(ub[0] * h[0] + ub[1] * h[1]), 1e-6);
  }
  EXPECT_EQ(update.target, 0);
  EXPECT_EQ(update.inputs, std::vector<int>{1});
  EXPECT_FLOAT_EQ(update.alpha, alpha);
  EXPECT_EQ(model.snapshot().lastUpdate.negatives, update.negatives);
}

TEST(SgnsUpdate, FirstNegativeWhenOneIsDrawn) {
  // With u_b = 0 the first negative has sigma = 1/2 and moves u_b by -alpha/2 h.
  for (int attempt = 0; attempt < 20; ++attempt) {
    Word2Vec model = twoWordModel(2, 1);
    for (int i = 0; i < attempt; ++i) model.trainPair(0, 1, 0.0f);  // advance the stream
    model.inputVectors() = {0.0f, 0.0f, 1.0f, 2.0f};
    model.outputVectors() = {0.5f, 0.25f, 0.0f, 0.0f};
    const PairUpdate update = model.trainPair(0, 1, 0.5f);
    if (update.negatives.empty()) continue;
    EXPECT_FLOAT_EQ(update.negativeBefore[0], 0.5f);
    EXPECT_FLOAT_EQ(model.outputVectors()[2], -0.25f);
    EXPECT_FLOAT_EQ(model.outputVectors()[3], -0.5f);
    return;
  }
  FAIL() << "b was never drawn as a negative in 20 updates (P(b) = 1/(1 + 2^0.75) = 0.37)";
}

}  // namespace
}  // namespace genlab::word2vec
