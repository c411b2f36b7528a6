#pragma once
// The trainers the checkpoint fuzz targets load into, shared with their regression tests
// (tests/unit/fuzz_regressions): a checkpoint must fit its trainer's data (the GMM's "exact"
// state its data's mean, the HMM's model its states and symbols), so both sides build the same.

#include <memory>
#include <nlohmann/json.hpp>

#include "core/models/gmm/gmm_trainer.h"
#include "core/models/hmm/hmm_trainer.h"

namespace genlab::fuzz {

// 12 points in 2-D, K = 3, seed 7.
inline std::unique_ptr<gmm::GmmTrainer> makeGmmTrainer() {
  Eigen::MatrixXd data(12, 2);
  for (int i = 0; i < 12; ++i) {
    data(i, 0) = (i % 3) * 4.0 + 0.1 * i;
    data(i, 1) = (i % 2) * 2.0 - 0.05 * i * i;
  }
  gmm::GmmConfig config;
  config.k = 3;
  return std::make_unique<gmm::GmmTrainer>(config, data, /*seed=*/7);
}

// Two discrete sequences over 3 symbols, 2 states, seed 7.
inline std::unique_ptr<hmm::HmmTrainer> makeHmmTrainer() {
  std::vector<hmm::Observations> sequences = {
      hmm::Observations::discrete({0, 1, 1, 2, 0, 0, 1, 2, 2, 1}),
      hmm::Observations::discrete({2, 2, 1, 0})};
  const nlohmann::json settings = {{"states", 2}, {"emission", "discrete"}, {"symbols", 3}};
  return std::make_unique<hmm::HmmTrainer>(settings, std::move(sequences), /*seed=*/7);
}

}  // namespace genlab::fuzz
