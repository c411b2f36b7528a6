#pragma once
// The "settings" object of a word2vec lesson or run (every key optional; defaults are
// Word2VecConfig's, i.e. gensim's):
//   {"architecture": "skip-gram" | "cbow", "dim": 100, "window": 5, "negative": 5,
//    "min_count": 5, "sample": 1e-3, "epochs": 5, "alpha": 0.025, "min_alpha": 0.0001,
//    "updates_per_step": 10000}
// One training step of a session makes `updates_per_step` predictions (one skip-gram pair or
// one CBOW window each). Sessions train on one thread (replayable); the command line's
// `fit word2vec --threads N` is where Hogwild runs. Parsing is strict: an unknown key, a wrong
// type or a value out of range throws ConfigError "settings.<key>: ...".

#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/models/word2vec/word2vec_config.h"

namespace genlab::word2vec {

struct Word2VecSettings {
  Word2VecConfig config;
  std::int64_t updatesPerStep = 10000;
  static constexpr std::int64_t kMaxUpdatesPerStep = 100000000;
};

Word2VecSettings settingsFromJson(const nlohmann::json& json);
nlohmann::json settingsToJson(const Word2VecSettings& settings);

}  // namespace genlab::word2vec
