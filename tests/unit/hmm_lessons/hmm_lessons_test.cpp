// The HMM lessons' data ("dataset" objects, core/models/hmm/hmm_dataset.h) and what the shipped
// HMM lessons teach: trained to convergence, the decoded path finds the true hidden states.

#include <gtest/gtest.h>

#include <fstream>

#include "core/lesson/lesson.h"
#include "core/models/hmm/hmm_dataset.h"
#include "core/models/hmm/hmm_trainer.h"
#include "core/models/registry.h"
#include "core/util/errors.h"

namespace genlab::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const json kCasino = json::parse(R"({
  "emission": "discrete", "start": [0.5, 0.5], "transition": [[0.95, 0.05], [0.1, 0.9]],
  "emission_probs": [[0.2, 0.2, 0.2, 0.2, 0.2], [0.1, 0.1, 0.1, 0.1, 0.6]]})");

std::string configErrorOf(const json& spec) {
  Rng rng(1);
  try {
    hmm::makeHmmDataset(spec, rng);
  } catch (const ConfigError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no error for " << spec.dump();
  return {};
}

TEST(HmmDataset, SampleKeepsTheHiddenPathsAndTheAlphabetSize) {
  Rng rng(3);
  const json spec = {{"kind", "sample"},
                     {"model", kCasino},
                     {"length", 50},
                     {"sequences", 3},
                     {"state_names", {"Fair", "Loaded"}}};
  const hmm::HmmDataset data = hmm::makeHmmDataset(spec, rng);
  ASSERT_EQ(data.sequences.size(), 3u);
  ASSERT_EQ(data.truePaths.size(), 3u);
  for (std::size_t s = 0; s < 3; ++s) {
    EXPECT_EQ(data.sequences[s].length(), 50);
    EXPECT_EQ(data.truePaths[s].size(), 50u);
  }
  EXPECT_EQ(data.symbols, 5);
  EXPECT_EQ(data.stateNames, (std::vector<std::string>{"Fair", "Loaded"}));
  ASSERT_TRUE(data.source);
}

TEST(HmmDataset, ErrorsNameTheKey) {
  EXPECT_EQ(configErrorOf({{"kind", "sample"}, {"model", kCasino}, {"lenght", 5}})
                .rfind("dataset.lenght", 0),
            0u);
  EXPECT_EQ(configErrorOf({{"kind", "sample"}}).rfind("dataset.model", 0), 0u);
  EXPECT_EQ(configErrorOf({{"kind", "sample"}, {"model", kCasino}, {"length", 0}})
                .rfind("dataset.length", 0),
            0u);
  EXPECT_EQ(configErrorOf({{"kind", "sample"}, {"model", kCasino}, {"state_names", {"A"}}})
                .rfind("dataset.state_names", 0),
            0u);
  EXPECT_EQ(configErrorOf({{"kind", "tape"}}).rfind("dataset.kind", 0), 0u);
  EXPECT_EQ(configErrorOf({{"kind", "file"}}).rfind("dataset.paths", 0), 0u);
  json bad = kCasino;
  bad["transition"] = {{0.5, 0.4}, {0.1, 0.9}};
  EXPECT_EQ(
      configErrorOf({{"kind", "sample"}, {"model", bad}}).rfind("dataset.model.transition", 0), 0u);
}

TEST(HmmDataset, FileKindReadsRelativeToTheLesson) {
  const fs::path dir =
      fs::temp_directory_path() / ("genlab-hmm-dataset-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "rolls.txt") << "H T T\nH H\n";
  Rng rng(1);
  const hmm::HmmDataset data =
      hmm::makeHmmDataset({{"kind", "file"}, {"path", "rolls.txt"}}, rng, dir);
  fs::remove_all(dir);
  ASSERT_EQ(data.sequences.size(), 1u);
  EXPECT_EQ(data.sequences[0].symbols, (std::vector<int>{0, 1, 1, 0, 0}));
  EXPECT_EQ(data.alphabet, (std::vector<std::string>{"H", "T"}));
  EXPECT_TRUE(data.truePaths.empty());
}

TEST(HmmDataset, LabelsAreReadLeniently) {
  const auto labels = hmm::datasetLabels(
      {{"kind", "sample"}, {"model", {{"alphabet", {"a", "b"}}}}, {"state_names", {"X", 3}}});
  EXPECT_TRUE(labels.stateNames.empty());
  EXPECT_EQ(labels.alphabet, (std::vector<std::string>{"a", "b"}));
}

// Fraction of t where the decoded path agrees with the truth under the best relabelling of
// the two states (Baum-Welch may learn them in either order).
double agreement2(const std::vector<int>& decoded, const std::vector<int>& truth) {
  std::size_t same = 0;
  for (std::size_t t = 0; t < truth.size(); ++t) same += decoded[t] == truth[t];
  const double a = static_cast<double>(same) / static_cast<double>(truth.size());
  return std::max(a, 1.0 - a);
}

const hmm::HmmSnapshot& trainToConvergence(train::Trainer& trainer) {
  std::vector<double> metrics(trainer.metricNames().size());
  for (int i = 0; i < 1000 && !trainer.step(metrics, {}).converged; ++i) {
  }
  return dynamic_cast<const hmm::HmmSnapshot&>(*trainer.snapshot());
}

class ShippedHmmLesson : public ::testing::TestWithParam<const char*> {};

TEST_P(ShippedHmmLesson, TrainedModelDecodesMostStatesRight) {
  const auto lesson = lesson::loadLesson(lesson::assetsDirectory() / "lessons" / GetParam());
  auto trainer = models::makeTrainer(lesson, lesson.seed);
  const hmm::HmmSnapshot& snapshot = trainToConvergence(*trainer);
  ASSERT_FALSE(snapshot.truePath().empty());
  EXPECT_GE(agreement2(snapshot.viterbiPath, snapshot.truePath()), 0.8);
}

INSTANTIATE_TEST_SUITE_P(Lessons, ShippedHmmLesson,
                         ::testing::Values("hmm_casino.json", "hmm_weather.json",
                                           "hmm_regimes.json"));

}  // namespace
}  // namespace genlab::test
