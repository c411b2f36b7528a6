// Model JSON: round trip and the error messages (each must name the key and row).
#include "core/models/hmm/model_json.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/util/errors.h"
#include "hmm_test_models.h"

namespace genlab::hmm {
namespace {

using nlohmann::json;

json casinoJson() {
  return json::parse(R"({
    "emission": "discrete",
    "start": [0.5, 0.5],
    "transition": [[0.95, 0.05], [0.1, 0.9]],
    "emission_probs": [[0.2, 0.2, 0.2, 0.2, 0.2, 0.0], [0.1, 0.1, 0.1, 0.1, 0.1, 0.5]]
  })");
}

json gaussianJson() {
  return json::parse(R"({
    "emission": "gaussian",
    "start": [1.0, 0.0],
    "transition": [[0.5, 0.5], [0.25, 0.75]],
    "means": [[0.0, 1.0], [2.0, 3.0]],
    "variances": [[1.0, 0.5], [2.0, 0.25]]
  })");
}

// Expects a ConfigError whose message contains `fragment`.
void expectError(const json& j, const std::string& fragment) {
  try {
    modelFromJson(j);
    ADD_FAILURE() << "no error; expected one containing \"" << fragment << "\"";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos)
        << "message: " << e.what() << "\nexpected to contain: " << fragment;
  }
}

TEST(HmmModelJson, ParsesDiscreteValues) {
  const HmmModel m = modelFromJson(casinoJson());
  EXPECT_TRUE(m.isDiscrete());
  EXPECT_EQ(m.states(), 2);
  EXPECT_EQ(m.symbols(), 6);
  EXPECT_DOUBLE_EQ(m.transition(1, 0), 0.1);
  EXPECT_DOUBLE_EQ(m.emissionProbs(1, 5), 0.5);
}

TEST(HmmModelJson, RoundTripIsExact) {
  Rng rng(51);
  for (const HmmModel& m :
       {testing::randomDiscreteModel(3, 4, rng), testing::randomGaussianModel(4, 2, rng)}) {
    const HmmModel back = modelFromJson(json::parse(modelToJson(m).dump()));
    EXPECT_EQ(back.emission, m.emission);
    EXPECT_EQ(back.start, m.start);
    EXPECT_EQ(back.transition, m.transition);
    EXPECT_EQ(back.emissionProbs, m.emissionProbs);
    EXPECT_EQ(back.means, m.means);
    EXPECT_EQ(back.variances, m.variances);
  }
}

TEST(HmmModelJson, FileRoundTripKeepsAlphabet) {
  HmmModel m = modelFromJson(casinoJson());
  m.alphabet = {"1", "2", "3", "4", "5", "6"};
  const auto path = std::filesystem::temp_directory_path() / "genlab_hmm_model_rt.json";
  writeModelFile(m, path);
  const HmmModel back = readModelFile(path);
  EXPECT_EQ(back.alphabet, m.alphabet);
  EXPECT_EQ(back.emissionProbs, m.emissionProbs);
  std::filesystem::remove(path);
}

TEST(HmmModelJson, AcceptsFitMetadataKeys) {
  json j = gaussianJson();
  j["log_likelihood"] = -12.5;
  j["n_iter"] = 7;
  j["converged"] = true;
  EXPECT_NO_THROW(modelFromJson(j));
}

TEST(HmmModelJson, Errors) {
  json j = casinoJson();
  j["transitions"] = j["transition"];
  expectError(j, "model.transitions: unknown key");

  j = casinoJson();
  j["means"] = json::array();
  expectError(j, "model.means: unknown key for a discrete model");

  j = casinoJson();
  j.erase("emission");
  expectError(j, "model.emission: must be \"discrete\" or \"gaussian\"");

  j = casinoJson();
  j.erase("transition");
  expectError(j, "model.transition: is missing");

  j = casinoJson();
  j["transition"][1] = {0.2, 0.7};
  expectError(j, "model.transition[1]: sums to 0.9");

  j = casinoJson();
  j["transition"][0] = {1.1, -0.1};
  expectError(j, "model.transition[0]: entry 1 is negative");

  j = casinoJson();
  j["transition"] = {{0.5, 0.5}};
  expectError(j, "model.transition: has 1 rows, expected 2");

  j = casinoJson();
  j["transition"][1] = {0.5, 0.25, 0.25};
  expectError(j, "model.transition[1]: has 3 entries, expected 2 like row 0");

  j = casinoJson();
  j["transition"] = {{0.5, 0.25, 0.25}, {0.5, 0.25, 0.25}};
  expectError(j, "model.transition: has shape 2x3, expected 2x2");

  j = casinoJson();
  j["emission_probs"][1] = {0.5, 0.5};
  expectError(j, "model.emission_probs[1]: has 2 entries, expected 6 like row 0");

  j = casinoJson();
  j["emission_probs"][0][2] = "x";
  expectError(j, "model.emission_probs[0][2]: must be a number");

  j = casinoJson();
  j["start"] = {0.5, 0.6};
  expectError(j, "model.start: sums to 1.1");

  j = casinoJson();
  j["alphabet"] = {"a", "b"};
  expectError(j, "model.alphabet: has 2 names for 6 symbols");

  j = gaussianJson();
  j["variances"][1][0] = 0.0;
  expectError(j, "model.variances[1][0]: must be positive");

  j = gaussianJson();
  j["variances"] = {{1.0}, {1.0}};
  expectError(j, "model.variances: has shape 2x1, expected 2x2");

  j = gaussianJson();
  j["emission_probs"] = {{1.0}};
  expectError(j, "model.emission_probs: unknown key for a gaussian model");
}

TEST(HmmModelJson, FileErrorsNameThePath) {
  const auto path = std::filesystem::temp_directory_path() / "genlab_hmm_bad_model.json";
  std::ofstream(path) << "{\"emission\": \"discrete\", ";
  try {
    readModelFile(path);
    ADD_FAILURE() << "no error";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string() + ": not valid JSON"), std::string::npos)
        << e.what();
  }
  std::ofstream(path) << R"({"emission": "discrete", "start": [1.0], "transition": [[2.0]],
                            "emission_probs": [[1.0]]})";
  try {
    readModelFile(path);
    ADD_FAILURE() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string() + ": model.transition[0]: sums to 2"),
              std::string::npos)
        << e.what();
  }
  std::filesystem::remove(path);
  EXPECT_THROW(readModelFile(path), DataError);
}

}  // namespace
}  // namespace genlab::hmm
