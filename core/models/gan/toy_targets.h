#pragma once
// The 2-D target distributions of the toy GAN, from a lesson's "dataset" object. Strict: an
// unknown key, a wrong type or a value out of range throws ConfigError naming "dataset.<key>".
//
//   {"kind": "ring8",  "n": 2000, "radius": 2, "std": 0.1}     8 Gaussians on a circle
//   {"kind": "grid25", "n": 2000, "spacing": 1, "std": 0.1}    5x5 Gaussians on a square grid
//   {"kind": "spiral", "n": 2000, "turns": 1.5, "noise": 0.05} one arm, radius 0.3 .. 2.5
//   {"kind": "moons",  "n": 2000, "noise": 0.05}               two moons, centred, scaled x1.6
//   {"kind": "painted", "points": [[x, y], ...]}               the person's own points; without
//                                                              "points" a small blob at the origin
//                                                              (160 points) to paint over
//
// "n" lies in [16, 200000] (default 2000). The mixtures know their modes (centres and the
// common std), which mode coverage is measured against; the others have none.

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <string>

#include "core/util/rng.h"

namespace genlab::gan {

enum class TargetKind { Ring8, Grid25, Spiral, Moons, Painted };

std::string toString(TargetKind kind);

struct TargetSpec {
  TargetKind kind = TargetKind::Ring8;
  int n = 2000;
  double radius = 2.0;     // ring8
  double spacing = 1.0;    // grid25
  double std = 0.1;        // ring8, grid25: std of each Gaussian
  double noise = 0.05;     // spiral, moons
  double turns = 1.5;      // spiral
  Eigen::MatrixXd points;  // painted (rows x 2), may be empty

  static TargetSpec fromJson(const nlohmann::json& doc, std::string_view prefix = "dataset");
};

struct TargetData {
  Eigen::MatrixXd points;  // N x 2
  Eigen::MatrixXd modes;   // K x 2 mode centres; 0 rows when the target has no modes
  double modeStd = 0.0;
};

// Draws the target with `rng` (painted: the given points, or the starting blob).
TargetData makeTarget(const TargetSpec& spec, Rng& rng);

// Mode centres of ring8 / grid25 (K x 2); empty for the others.
Eigen::MatrixXd targetModes(const TargetSpec& spec);

}  // namespace genlab::gan
