// The char-RNN network and sampling: the logits equal a hand-written RNN, LSTM and GRU (the
// equations of torch's documentation, plain loops) given the trainer's weights; the one-at-a-
// time sampling path equals the whole-sequence forward; temperature 0 is the argmax and a
// temperature near 0 gives the same text; a small LSTM overfits one sentence to a perplexity
// near 1 and then recites it.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "core/models/charrnn/charrnn_trainer.h"
#include "core/util/errors.h"

namespace genlab::charrnn {
namespace {

using Vec = std::vector<double>;
using Params = std::map<std::string, std::vector<float>>;

CharCorpus corpusOf(const std::string& text, double heldOut = 0.1) {
  return makeCorpus(decodeUtf8(text, "test"), heldOut, "test");
}

CharRnnConfig smallConfig(Cell cell, int layers) {
  CharRnnConfig config;
  config.cell = cell;
  config.layers = layers;
  config.hidden = 7;
  config.bptt = 6;
  config.batch = 2;
  config.lr = 1e-2;
  return config;
}

double sigmoid(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

// rows x cols matrix (row-major) times x, plus bias, rows [r0, r0 + n).
Vec affine(const std::vector<float>& w, const std::vector<float>& b, int cols, int r0, int n,
           const Vec& x) {
  Vec out(static_cast<std::size_t>(n));
  for (int r = 0; r < n; ++r) {
    double s = b[static_cast<std::size_t>(r0 + r)];
    for (int c = 0; c < cols; ++c)
      s += w[static_cast<std::size_t>((r0 + r) * cols + c)] * x[static_cast<std::size_t>(c)];
    out[static_cast<std::size_t>(r)] = s;
  }
  return out;
}

// Logits after every character of `ids`, from a zero state, by torch's equations:
//   RNN:  h' = tanh(W_ih x + b_ih + W_hh h + b_hh)
//   LSTM: i, f, g, o = rows of W_ih x + b_ih + W_hh h + b_hh (in that order);
//         c' = s(f) c + s(i) tanh(g), h' = s(o) tanh(c')
//   GRU:  r, z from s(W_i x + b_i + W_h h + b_h); n = tanh(W_in x + b_in + r (W_hn h + b_hn));
//         h' = (1 - z) n + z h
std::vector<double> referenceLogits(Params& p, Cell cell, int layers, int hidden, int vocab,
                                    const std::vector<int>& ids) {
  const auto H = static_cast<std::size_t>(hidden);
  std::vector<Vec> h(static_cast<std::size_t>(layers), Vec(H, 0.0));
  std::vector<Vec> c = h;
  std::vector<double> out;
  for (const int id : ids) {
    Vec x(static_cast<std::size_t>(vocab), 0.0);
    x[static_cast<std::size_t>(id)] = 1.0;
    for (int l = 0; l < layers; ++l) {
      const std::string prefix = "layer" + std::to_string(l) + ".";
      const auto& wih = p[prefix + "weight_ih_l0"];
      const auto& whh = p[prefix + "weight_hh_l0"];
      const auto& bih = p[prefix + "bias_ih_l0"];
      const auto& bhh = p[prefix + "bias_hh_l0"];
      const int in = static_cast<int>(x.size());
      auto& hl = h[static_cast<std::size_t>(l)];
      auto& cl = c[static_cast<std::size_t>(l)];
      const int gates = cell == Cell::kLstm ? 4 : cell == Cell::kGru ? 3 : 1;
      const Vec gi = affine(wih, bih, in, 0, gates * hidden, x);
      const Vec gh = affine(whh, bhh, hidden, 0, gates * hidden, hl);
      Vec next(H);
      for (std::size_t k = 0; k < H; ++k) {
        if (cell == Cell::kRnn) {
          next[k] = std::tanh(gi[k] + gh[k]);
        } else if (cell == Cell::kLstm) {
          const double i = sigmoid(gi[k] + gh[k]);
          const double f = sigmoid(gi[H + k] + gh[H + k]);
          const double g = std::tanh(gi[2 * H + k] + gh[2 * H + k]);
          const double o = sigmoid(gi[3 * H + k] + gh[3 * H + k]);
          cl[k] = f * cl[k] + i * g;
          next[k] = o * std::tanh(cl[k]);
        } else {
          const double r = sigmoid(gi[k] + gh[k]);
          const double z = sigmoid(gi[H + k] + gh[H + k]);
          const double n = std::tanh(gi[2 * H + k] + r * gh[2 * H + k]);
          next[k] = (1 - z) * n + z * hl[k];
        }
      }
      hl = next;
      x = next;
    }
    const Vec logits = affine(p["head.weight"], p["head.bias"], hidden, 0, vocab, x);
    out.insert(out.end(), logits.begin(), logits.end());
  }
  return out;
}

class EveryCell : public ::testing::TestWithParam<std::tuple<Cell, int>> {};

TEST_P(EveryCell, LogitsEqualTheCellEquationsAndSteppingEqualsTheWholeSequence) {
  const auto [cell, layers] = GetParam();
  const std::string text = "a cab, a bad cab; a dab. ";
  CharRnnTrainer trainer(smallConfig(cell, layers), corpusOf(text + text + text), 3);
  // A few steps first, so the weights are not just their initial draw.
  std::vector<double> metrics(trainer.metricNames().size());
  for (int s = 0; s < 5; ++s) trainer.step(metrics, {});

  Params params;
  for (auto& [name, values] : trainer.parameters()) params[name] = values;
  const std::string probe = "a bad cab, a dab";
  std::vector<int> ids;
  for (const char ch : probe) ids.push_back(trainer.corpus().find(static_cast<char32_t>(ch)));
  const int vocab = trainer.corpus().size();
  const auto expected = referenceLogits(params, cell, layers, 7, vocab, ids);
  using Path = CharRnnTrainer::ForwardPath;
  const auto torchModules = trainer.logitsOf(probe, Path::kTorchModules);
  const auto whole = trainer.logitsOf(probe, Path::kSequence);
  const auto stepped = trainer.logitsOf(probe, Path::kOneAtATime);
  ASSERT_EQ(torchModules.size(), expected.size());
  ASSERT_EQ(whole.size(), expected.size());
  ASSERT_EQ(stepped.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_NEAR(torchModules[i], expected[i], 1e-5) << "logit " << i;
    EXPECT_NEAR(whole[i], torchModules[i], 1e-5) << "logit " << i;
    EXPECT_NEAR(stepped[i], torchModules[i], 1e-5) << "logit " << i;
  }
}

TEST_P(EveryCell, TheFastPathsGradientsEqualTorchsModules) {
  const auto [cell, layers] = GetParam();
  const std::string text = "a cab, a bad cab; a dab. ";
  CharRnnTrainer trainer(smallConfig(cell, layers), corpusOf(text + text + text), 4);
  std::vector<double> metrics(trainer.metricNames().size());
  for (int s = 0; s < 3; ++s) trainer.step(metrics, {});
  using Path = CharRnnTrainer::ForwardPath;
  const auto fast = trainer.gradientsOf(text, Path::kSequence);
  const auto reference = trainer.gradientsOf(text, Path::kTorchModules);
  ASSERT_EQ(fast.size(), reference.size());
  double largest = 0.0;
  for (std::size_t p = 0; p < fast.size(); ++p) {
    ASSERT_EQ(fast[p].first, reference[p].first);
    ASSERT_EQ(fast[p].second.size(), reference[p].second.size());
    for (std::size_t i = 0; i < fast[p].second.size(); ++i) {
      EXPECT_NEAR(fast[p].second[i], reference[p].second[i], 1e-5) << fast[p].first << " " << i;
      largest = std::max(largest, std::abs(static_cast<double>(reference[p].second[i])));
    }
  }
  EXPECT_GT(largest, 1e-3);  // the gradients compared are not all zero
}

INSTANTIATE_TEST_SUITE_P(CharRnn, EveryCell,
                         ::testing::Values(std::make_tuple(Cell::kLstm, 1),
                                           std::make_tuple(Cell::kLstm, 2),
                                           std::make_tuple(Cell::kGru, 2),
                                           std::make_tuple(Cell::kRnn, 3)));

TEST(CharRnnSampling, TemperatureZeroIsTheArgmaxAndNearZeroAgrees) {
  const std::string text = "she sells sea shells by the sea shore. ";
  CharRnnTrainer trainer(smallConfig(Cell::kLstm, 1), corpusOf(text + text + text), 5);
  std::vector<double> metrics(trainer.metricNames().size());
  for (int s = 0; s < 20; ++s) trainer.step(metrics, {});

  const std::string prime = "she ";
  const std::string greedy = trainer.sample({prime, 30, 0.0, 1});
  // The argmax by hand: the largest logit after the text so far, character after character.
  std::string expected = prime;
  const int vocab = trainer.corpus().size();
  for (int i = 0; i < 30; ++i) {
    const auto logits = trainer.logitsOf(expected, CharRnnTrainer::ForwardPath::kTorchModules);
    const auto last = logits.end() - vocab;
    const auto best = static_cast<std::size_t>(std::max_element(last, logits.end()) - last);
    expected += trainer.corpus().glyphs[best];
  }
  EXPECT_EQ(greedy, expected);
  // Any seed: no randomness at temperature 0; and 1e-4 sharpens every distribution to its top.
  EXPECT_EQ(trainer.sample({prime, 30, 0.0, 99}), greedy);
  EXPECT_EQ(trainer.sample({prime, 30, 1e-4, 7}), greedy);
  // At temperature 1 the seed matters and replays.
  EXPECT_EQ(trainer.sample({prime, 60, 1.0, 7}), trainer.sample({prime, 60, 1.0, 7}));
  EXPECT_NE(trainer.sample({prime, 60, 1.5, 7}), trainer.sample({prime, 60, 1.5, 8}));
}

TEST(CharRnnSampling, APrimeCharacterOutsideTheTextIsNamed) {
  CharRnnTrainer trainer(smallConfig(Cell::kGru, 1), corpusOf("abc abc abc abc abc "), 1);
  try {
    trainer.sample({"ab Z", 5, 1.0, 0});
    FAIL() << "no error";
  } catch (const ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("--prime: character 4 (\"Z\", U+005A) is not in"),
              std::string::npos)
        << error.what();
  }
}

TEST(CharRnnTraining, OverfitsOneSentenceToAPerplexityNearOne) {
  const std::string sentence = "the cat sat on the mat. ";
  std::string text;
  for (int r = 0; r < 40; ++r) text += sentence;
  CharRnnConfig config;
  config.cell = Cell::kLstm;
  config.hidden = 48;
  config.bptt = 24;
  config.batch = 4;
  config.lr = 1e-2;
  config.evalEvery = 50;
  CharRnnTrainer trainer(config, corpusOf(text, 0.1), 1);
  std::vector<double> metrics(trainer.metricNames().size());
  for (int s = 0; s < 300; ++s) trainer.step(metrics, {});
  const double heldOut = trainer.evaluateHeldOut();
  // Baselines of this text: about 3.1 bits (unigram) and 1.4 (bigram). Near-certain after the
  // first few characters of each passage: perplexity 2^bits below 1.25.
  EXPECT_LT(std::exp2(metrics[0]), 1.1) << "train bits " << metrics[0];
  EXPECT_LT(std::exp2(heldOut), 1.25) << "held-out bits " << heldOut;
  EXPECT_GT(metrics[3], 1.0);  // the bigram baseline is far above
  // It recites: after "the cat" comes " sat on the mat. the cat".
  EXPECT_EQ(trainer.sample({"the cat", 24, 0.0, 0}), "the cat sat on the mat. the cat");
}

}  // namespace
}  // namespace genlab::charrnn
