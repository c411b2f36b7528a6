#pragma once
// A Naive Bayes lesson's "settings": the classifier's (NbConfig, scikit-learn's names) and how
// the session teaches with it. Strict: an unknown key or a bad value throws ConfigError naming
// "settings.<key>".
//
//   {"kind": "gaussian" | "bernoulli" | "multinomial",   default gaussian (points), bernoulli
//                                                         (images)
//    "var_smoothing": 1e-9, "alpha": 1.0, "binarize": 0.0 | "none", "fit_prior": true,
//    "batch": 10,     training points added per step (the first fit uses max(batch, K))
//    "samples": 6}    images drawn from p(x | y) per class, for the image views

#include <nlohmann/json.hpp>

#include "core/models/nb/nb_config.h"

namespace genlab::nb {

struct NbSettings {
  static constexpr int kMaxBatch = 1'000'000;
  static constexpr int kMaxSamples = 16;

  NbConfig config;
  int batch = 10;
  int samples = 6;

  // `images`: the default kind is bernoulli for image data, gaussian for points. Points accept
  // only gaussian (their features are real numbers, not counts or pixels).
  static NbSettings fromJson(const nlohmann::json& json, bool images);
  nlohmann::json toJson() const;
};

}  // namespace genlab::nb
