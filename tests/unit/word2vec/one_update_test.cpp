// The one-update record a view draws: sigma before and after and the vectors before and after
// must be what the update rule gives, replayed here in double from the recorded "before".
#include <gtest/gtest.h>

#include <cmath>

#include "core/models/word2vec/word2vec_model.h"
#include "tests/unit/word2vec/corpora_dir.h"
namespace genlab::word2vec {
namespace {

double logistic(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

double rowDot(const std::vector<float>& a, std::size_t ai, const std::vector<double>& b, int dim) {
  double s = 0.0;
  for (int d = 0; d < dim; ++d)
    s += static_cast<double>(a[ai * static_cast<std::size_t>(dim) + static_cast<std::size_t>(d)]) *
         b[static_cast<std::size_t>(d)];
  return s;
}

void checkAgainstHandComputation(const Word2Vec& model, const PairUpdate& u) {
  const int dim = model.dim();
  const auto D = static_cast<std::size_t>(dim);
  const std::size_t outputs = 1 + u.negatives.size();
  ASSERT_EQ(u.inputBefore.size(), D);
  ASSERT_EQ(u.inputAfter.size(), D);
  ASSERT_EQ(u.outputBefore.size(), outputs * D);
  ASSERT_EQ(u.outputAfter.size(), outputs * D);
  const std::vector<double> h(u.inputBefore.begin(), u.inputBefore.end());
  std::vector<double> error(D, 0.0);
  // Each output word in turn: sigma from the vectors before, g = (label - sigma) alpha (sigma
  // taken as 0 or 1 beyond |f| > 6), u += g h, and h's error += g u (u before its change).
  std::vector<std::vector<double>> moved(outputs);
  for (std::size_t k = 0; k < outputs; ++k) {
    const int word = k == 0 ? u.target : u.negatives[k - 1];
    std::vector<double> v(u.outputBefore.begin() + static_cast<std::ptrdiff_t>(k * D),
                          u.outputBefore.begin() + static_cast<std::ptrdiff_t>((k + 1) * D));
    // A noise word drawn twice starts from where its first draw left it.
    for (std::size_t j = 0; j < k; ++j) {
      const int earlier = j == 0 ? u.target : u.negatives[j - 1];
      if (earlier == word) {
        for (std::size_t d = 0; d < D; ++d) EXPECT_NEAR(v[d], moved[j][d], 1e-6);
      }
    }
    const double f = rowDot(u.outputBefore, k, h, dim);
    const double s = logistic(f);
    EXPECT_NEAR(k == 0 ? u.positiveBefore : u.negativeBefore[k - 1], s, 1e-5) << k;
    const double label = k == 0 ? 1.0 : 0.0;
    const double clamped = f > 6 ? 1.0 : (f < -6 ? 0.0 : s);
    const double g = (label - clamped) * u.alpha;
    for (std::size_t d = 0; d < D; ++d) {
      error[d] += g * v[d];
      v[d] += g * h[d];
    }
    moved[k] = v;
  }
  // The last change of each word is where it ends; h moves once, by the summed error.
  for (std::size_t k = 0; k < outputs; ++k) {
    const int word = k == 0 ? u.target : u.negatives[k - 1];
    bool last = true;
    for (std::size_t j = k + 1; j < outputs; ++j) last = last && u.negatives[j - 1] != word;
    if (!last) continue;
    for (std::size_t d = 0; d < D; ++d) {
      EXPECT_NEAR(u.outputAfter[k * D + d], moved[k][d], 1e-6);
      // ... and it is the model's row now.
      EXPECT_EQ(u.outputAfter[k * D + d],
                model.outputVectors()[static_cast<std::size_t>(word) * D + d]);
    }
  }
  std::vector<double> hAfter(D);
  for (std::size_t d = 0; d < D; ++d) {
    hAfter[d] = h[d] + error[d];
    EXPECT_NEAR(u.inputAfter[d], hAfter[d], 1e-6);
  }
  EXPECT_NEAR(u.positiveAfter, logistic(rowDot(u.outputAfter, 0, hAfter, dim)), 1e-5);
  for (std::size_t k = 1; k < outputs; ++k)
    EXPECT_NEAR(u.negativeAfter[k - 1], logistic(rowDot(u.outputAfter, k, hAfter, dim)), 1e-5);
}

Word2Vec fruitModel(Architecture architecture) {
  Word2VecConfig config;
  config.architecture = architecture;
  config.dim = 6;
  config.minCount = 1;
  config.negative = 5;
  config.alpha = 0.2;  // large steps, so "after" differs from "before" well beyond rounding
  config.epochs = 2;
  const text::TokenisedText text =
      text::readTokenisedFile(test::kCorporaDir + "fruit_and_juice.txt");
  text::Vocabulary vocabulary = text::Vocabulary::build(text.tokens, 1);
  text::EncodedCorpus corpus = text::encode(text, vocabulary);
  return Word2Vec(config, std::move(vocabulary), std::move(corpus));
}

TEST(OneUpdateRecord, SkipGramMatchesTheUpdateRuleAndTheModel) {
  Word2Vec model = fruitModel(Architecture::SkipGram);
  for (const std::int64_t chunk : {1, 1, 37, 500, 2000}) {
    SCOPED_TRACE(chunk);
    model.trainPredictions(chunk);
    const PairUpdate u = model.snapshot().lastUpdate;
    ASSERT_EQ(u.inputs.size(), 1u);
    EXPECT_EQ(u.prediction, model.trainingState().predictions);  // the call's last one
    checkAgainstHandComputation(model, u);
    // The context word's input row is h after the update.
    const auto D = static_cast<std::size_t>(model.dim());
    for (std::size_t d = 0; d < D; ++d)
      EXPECT_EQ(u.inputAfter[d],
                model.inputVectors()[static_cast<std::size_t>(u.inputs[0]) * D + d]);
  }
}

TEST(OneUpdateRecord, CbowMatchesTheUpdateRuleWithTheWindowMean) {
  Word2Vec model = fruitModel(Architecture::Cbow);
  for (const std::int64_t chunk : {1, 50, 999}) {
    model.trainPredictions(chunk);
    const PairUpdate u = model.snapshot().lastUpdate;
    ASSERT_GE(u.inputs.size(), 1u);
    checkAgainstHandComputation(model, u);
    // h after is the mean of the context words' rows now (each moved by the same error).
    const auto D = static_cast<std::size_t>(model.dim());
    for (std::size_t d = 0; d < D; ++d) {
      double mean = 0.0;
      for (const int w : u.inputs)
        mean += model.inputVectors()[static_cast<std::size_t>(w) * D + d];
      mean /= static_cast<double>(u.inputs.size());
      // Unless a word appears twice in the window, the mean moved by exactly the error.
      EXPECT_NEAR(u.inputAfter[d], mean, 1e-6);
    }
  }
}

}  // namespace
}  // namespace genlab::word2vec
