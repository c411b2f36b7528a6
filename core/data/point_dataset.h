#pragma once
// Builds a lesson's point dataset from its "dataset" object. Strict like the model settings: an
// unknown key, a wrong type or a value out of range throws ConfigError naming "dataset.<key>".
//
//   {"kind": "blobs", "n": 600, "centers": [[0, 0], [4, 1]],
//    "covariances": [[[1, 0.5], [0.5, 1]], [[0.3, 0], [0, 2]]], "weights": [2, 1]}
//       (instead of "covariances": "std": 0.8 for isotropic blobs; default std 1)
//   {"kind": "anisotropic", "n": 600, "centers": [[..], ..], "std": 1,
//    "transform": [[0.6, -0.64], [-0.41, 0.85]]}
//   {"kind": "moons", "n": 400, "noise": 0.1}
//   {"kind": "rings", "n": 400, "radii": [1, 2], "noise": 0.05}
//   {"kind": "uniform", "n": 300, "low": [-1, -1], "high": [1, 1]}
//   {"kind": "csv", "path": "points.csv"}       (relative paths are relative to `baseDir`)
//
// "n" defaults to 500 and lies in [1, 10000000]. CSV problems throw DataError "path:LINE:COL".

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/data/toy_points.h"
#include "core/util/rng.h"

namespace genlab::data {

PointSet makeDataset(const nlohmann::json& spec, Rng& rng,
                     const std::filesystem::path& baseDir = {});

}  // namespace genlab::data
