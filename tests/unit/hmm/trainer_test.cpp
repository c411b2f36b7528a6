// HmmTrainer: settings, steps and metrics, snapshots, edits, checkpoints.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/models/hmm/forward_backward.h"
#include "core/models/hmm/hmm_trainer.h"
#include "core/models/hmm/model_json.h"
#include "core/models/hmm/sampling.h"
#include "core/models/hmm/viterbi.h"
#include "core/util/errors.h"
#include "hmm_test_models.h"

namespace genlab::hmm {
namespace {

using nlohmann::json;

struct CasinoData {
  std::vector<Observations> seqs;
  std::vector<std::vector<int>> paths;
};

CasinoData casinoData() {
  Rng rng(71);
  CasinoData d;
  for (Index t : {300, 200}) {
    SampledSequence s = sample(testing::casinoModel(), t, rng);
    d.seqs.push_back(std::move(s.observations));
    d.paths.push_back(std::move(s.path));
  }
  return d;
}

const HmmSnapshot& asHmm(const train::SnapshotPtr& p) {
  return dynamic_cast<const HmmSnapshot&>(*p);
}

template <class F>
void expectConfigError(F&& f, const std::string& fragment) {
  try {
    f();
    ADD_FAILURE() << "no error; expected one containing \"" << fragment << "\"";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos)
        << "message: " << e.what() << "\nexpected to contain: " << fragment;
  }
}

TEST(HmmTrainer, StepsRaiseLikelihoodAndConverge) {
  CasinoData d = casinoData();
  HmmTrainer trainer({{"states", 2}, {"tol", 1e-7}, {"max_iter", 500}}, d.seqs, 3, d.paths);
  EXPECT_EQ(trainer.metricNames(), (std::vector<std::string>{"log_likelihood", "delta"}));
  std::vector<double> m(2);
  double previous = -1e300;
  bool converged = false;
  int steps = 0;
  while (!converged && steps < 500) {
    converged = trainer.step(m, {}).converged;
    ++steps;
    EXPECT_GE(m[0], previous - 1e-12);
    if (steps > 1) {
      EXPECT_NEAR(m[1], m[0] - previous, 1e-15);
    }
    previous = m[0];
  }
  EXPECT_TRUE(converged);
  EXPECT_LT(steps, 500);
  EXPECT_EQ(trainer.stepsDone(), steps);
  // The per-observation metric is total log-likelihood / 500 observations.
  double total = 0.0;
  for (const auto& s : d.seqs) total += logLikelihood(trainer.model(), s);
  EXPECT_NEAR(total / 500.0, m[0], 1e-6);
}

TEST(HmmTrainer, SnapshotDescribesTheChosenSequence) {
  CasinoData d = casinoData();
  HmmTrainer trainer({{"states", 2}, {"emission", "discrete"}, {"symbols", 6}}, d.seqs, 4, d.paths);
  std::vector<double> m(2);
  trainer.step(m, {});
  trainer.selectSequence(1);
  const HmmSnapshot& s = asHmm(trainer.snapshot());
  EXPECT_EQ(s.step, 1);
  EXPECT_EQ(s.sequenceIndex, 1);
  EXPECT_EQ(s.observations().symbols, d.seqs[1].symbols);
  EXPECT_EQ(s.truePath(), d.paths[1]);
  ASSERT_EQ(s.gamma.rows(), 200);
  EXPECT_LT((s.gamma.rowwise().sum().array() - 1.0).abs().maxCoeff(), 1e-12);
  EXPECT_LT((s.beta.rowwise().sum().array() - 1.0).abs().maxCoeff(), 1e-12);
  EXPECT_EQ(s.viterbiPath, viterbi(s.model, s.observations()).path);
  EXPECT_NEAR(s.logLikelihood, logLikelihood(s.model, s.observations()), 1e-9);
  EXPECT_THROW(trainer.selectSequence(2), ConfigError);
}

TEST(HmmTrainer, EditsRenormaliseAndRecompute) {
  CasinoData d = casinoData();
  json settings = {
      {"states", 2}, {"init", "given"}, {"model", modelToJson(testing::casinoModel())}};
  HmmTrainer trainer(settings, d.seqs, 5);
  const double before = asHmm(trainer.snapshot()).logLikelihood;
  const std::vector<double> row = {1.0, 3.0};
  trainer.setTransitionRow(0, row);
  EXPECT_DOUBLE_EQ(trainer.model().transition(0, 1), 0.75);
  const HmmSnapshot& s = asHmm(trainer.snapshot());
  EXPECT_DOUBLE_EQ(s.model.transition(0, 1), 0.75);
  EXPECT_NE(s.logLikelihood, before);
  trainer.setStart(std::vector<double>{2.0, 2.0});
  EXPECT_DOUBLE_EQ(trainer.model().start(0), 0.5);
  trainer.setEmissionRow(1, std::vector<double>{1, 1, 1, 1, 1, 5});
  EXPECT_DOUBLE_EQ(trainer.model().emissionProbs(1, 5), 0.5);

  expectConfigError([&] { trainer.setTransitionRow(2, row); }, "transition: state 2");
  expectConfigError([&] { trainer.setTransitionRow(0, std::vector<double>{1.0}); },
                    "transition[0]: has 1 entries, expected 2");
  expectConfigError(
      [&] {
        trainer.setTransitionRow(1, std::vector<double>{-1.0, 2.0});
      },
      "transition[1]: entry 0 must be finite and >= 0");
  expectConfigError(
      [&] {
        trainer.setStart(std::vector<double>{0.0, 0.0});
      },
      "start: all entries are 0");
  // A row that makes the data impossible is refused and the model kept.
  const RowMatrix kept = trainer.model().emissionProbs;
  expectConfigError(
      [&] {
        trainer.setEmissionRow(0, std::vector<double>{1, 0, 0, 0, 0, 0});
        trainer.setEmissionRow(1, std::vector<double>{1, 0, 0, 0, 0, 0});
      },
      "edit rejected");
  EXPECT_EQ(trainer.model().emissionProbs.row(1), kept.row(1));
  expectConfigError([&] { trainer.setStateGaussian(0, row, row); }, "discrete emissions");
}

TEST(HmmTrainer, GaussianEditsAndCheckpoint) {
  Rng rng(72);
  const HmmModel truth = testing::randomGaussianModel(2, 2, rng);
  std::vector<Observations> seqs = {sample(truth, 100, rng).observations};
  HmmTrainer trainer({{"states", 3}, {"emission", "gaussian"}}, seqs, 9);
  trainer.setStateGaussian(2, std::vector<double>{1.0, 2.0}, std::vector<double>{0.5, 0.25});
  EXPECT_DOUBLE_EQ(trainer.model().means(2, 1), 2.0);
  expectConfigError(
      [&] {
        trainer.setStateGaussian(0, std::vector<double>{0, 0}, std::vector<double>{1, 0});
      },
      "variances[0]: must be positive");
  const auto file = std::filesystem::temp_directory_path() / "genlab_hmm_ckpt.json";
  trainer.saveCheckpoint(file);
  const HmmModel back = readModelFile(file);
  EXPECT_EQ(back.means, trainer.model().means);
  EXPECT_EQ(back.transition, trainer.model().transition);
  std::filesystem::remove(file);
}

TEST(HmmTrainer, SettingsAreStrict) {
  CasinoData d = casinoData();
  auto make = [&](const json& s) { HmmTrainer t(s, d.seqs, 1); };
  expectConfigError([&] { make({{"state", 2}}); }, "settings.state: unknown key");
  expectConfigError([&] { make({{"states", 0}}); }, "settings.states: 0 is out of range [1, 256]");
  expectConfigError([&] { make({{"states", "two"}}); }, "settings.states: must be an integer");
  expectConfigError([&] { make({{"emission", "poisson"}}); }, "settings.emission: must be");
  expectConfigError([&] { make({{"init", "given"}}); }, "settings.init: \"given\" needs");
  expectConfigError([&] { make({{"tol", -1.0}}); }, "settings.tol");
  expectConfigError([&] { make({{"max_iter", 0}}); }, "settings.max_iter: 0 is out of range");
  expectConfigError(
      [&] {
        make({{"states", 3}, {"model", modelToJson(testing::casinoModel())}});
      },
      "settings.model: has 2 states but settings.states is 3");
  json bad = modelToJson(testing::casinoModel());
  bad["transition"][0] = {0.5, 0.6};
  expectConfigError([&] { make({{"model", bad}}); }, "settings.model.transition[0]: sums to 1.1");
  // A symbol outside the configured alphabet is a data error naming the sequence.
  try {
    make({{"symbols", 3}});
    ADD_FAILURE() << "no error";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("is outside the alphabet [0, 3)"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(HmmTrainer(json::object(), {}, 1), DataError);
  std::vector<Observations> withEmpty = d.seqs;
  withEmpty.push_back(Observations::discrete({}));
  try {
    HmmTrainer t(json::object(), withEmpty, 1);
    ADD_FAILURE() << "no error";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("sequence 2: the sequence is empty"), std::string::npos);
  }
}

TEST(HmmTrainer, SetParamAndSettingsRoundTrip) {
  CasinoData d = casinoData();
  HmmTrainer trainer({{"states", 2}, {"max_iter", 3}}, d.seqs, 2);
  trainer.setParam("tol", 0.5);
  trainer.setParam("max_iter", 10);
  const json s = trainer.settings();
  EXPECT_EQ(s["tol"], 0.5);
  EXPECT_EQ(s["max_iter"], 10);
  EXPECT_EQ(s["symbols"], 6);
  for (const auto& [key, value] : s.items()) EXPECT_NO_THROW(trainer.setParam(key, value)) << key;
  expectConfigError([&] { trainer.setParam("states", 3); }, "settings.states: cannot be changed");
  expectConfigError([&] { trainer.setParam("tol", "x"); }, "settings.tol: must be a number");
  expectConfigError([&] { trainer.setParam("alpha", 1); }, "settings.alpha: unknown key");
  std::vector<double> m(2);
  trainer.setParam("tol", 0.0);  // only max_iter can stop it now
  for (int i = 0; i < 9; ++i) EXPECT_FALSE(trainer.step(m, {}).converged) << i;
  EXPECT_TRUE(trainer.step(m, {}).converged);  // the 10th step reaches max_iter
}

}  // namespace
}  // namespace genlab::hmm
