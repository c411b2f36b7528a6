#pragma once
// The leaderboard lesson's "settings" (assets/lessons/leaderboard_digits.json), all optional:
//   "models":         ["independent", ...]  which of leaderboardModels() to score, in the
//                                           table's order (default: all of them)
//   "components":     10     the Bernoulli mixture's K
//   "vae_steps":      3000   "vae_latent": 8, "vae_hidden": 200, "iw_samples": 100
//   "pixelcnn_steps": 2000
//   "rbm_hidden":     64     the larger RBM's hidden units
//   "samples":        8      images each model draws for the samples view (0: none)
// The defaults are the command line's (LeaderboardOptions). Unknown keys and values out of
// range are ConfigErrors naming "settings.<key>".

#include <nlohmann/json.hpp>

#include "core/eval/likelihood_leaderboard.h"

namespace genlab::eval {

// Fills the model settings of `base` (its dataset, seed and folder are kept) from `settings`.
LeaderboardOptions leaderboardOptionsFromJson(const nlohmann::json& settings,
                                              LeaderboardOptions base = {});

// Every key above, as leaderboardOptionsFromJson reads it back.
nlohmann::json leaderboardSettingsJson(const LeaderboardOptions& options);

}  // namespace genlab::eval
