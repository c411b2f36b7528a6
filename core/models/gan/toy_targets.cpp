#include "core/models/gan/toy_targets.h"

#include <cmath>
#include <numbers>

#include "core/data/json_fields.h"
#include "core/data/toy_points.h"
#include "core/util/errors.h"

namespace genlab::gan {

using data::joinKey;
using Eigen::Index;

std::string toString(TargetKind kind) {
  switch (kind) {
    case TargetKind::Ring8:
      return "ring8";
    case TargetKind::Grid25:
      return "grid25";
    case TargetKind::Spiral:
      return "spiral";
    case TargetKind::Moons:
      return "moons";
    case TargetKind::Painted:
      return "painted";
  }
  return "ring8";
}

TargetSpec TargetSpec::fromJson(const nlohmann::json& value, std::string_view prefix) {
  const auto key = [&](std::string_view name) { return joinKey(prefix, name); };
  if (!value.is_object() || !value.contains("kind")) {
    throw ConfigError(std::string(key("kind")) +
                      ": required (\"ring8\", \"grid25\", \"spiral\", \"moons\" or \"painted\")");
  }
  const std::string kind = data::readString(value["kind"], key("kind"));
  TargetSpec spec;
  if (kind == "ring8") {
    spec.kind = TargetKind::Ring8;
    data::requireObjectWithKeys(value, prefix, {"kind", "n", "radius", "std"});
  } else if (kind == "grid25") {
    spec.kind = TargetKind::Grid25;
    data::requireObjectWithKeys(value, prefix, {"kind", "n", "spacing", "std"});
  } else if (kind == "spiral") {
    spec.kind = TargetKind::Spiral;
    data::requireObjectWithKeys(value, prefix, {"kind", "n", "turns", "noise"});
  } else if (kind == "moons") {
    spec.kind = TargetKind::Moons;
    data::requireObjectWithKeys(value, prefix, {"kind", "n", "noise"});
  } else if (kind == "painted") {
    spec.kind = TargetKind::Painted;
    data::requireObjectWithKeys(value, prefix, {"kind", "points"});
  } else {
    throw ConfigError(key("kind") + ": \"" + kind +
                      "\" is not one of \"ring8\", \"grid25\", \"spiral\", \"moons\", \"painted\"");
  }
  if (value.contains("n"))
    spec.n = static_cast<int>(data::readInt(value["n"], key("n"), 16, 200000));
  if (value.contains("radius"))
    spec.radius = data::readDouble(value["radius"], key("radius"), 0.1, 100);
  if (value.contains("spacing"))
    spec.spacing = data::readDouble(value["spacing"], key("spacing"), 0.1, 100);
  if (value.contains("std")) spec.std = data::readDouble(value["std"], key("std"), 1e-4, 10);
  if (value.contains("noise")) spec.noise = data::readDouble(value["noise"], key("noise"), 0, 10);
  if (value.contains("turns"))
    spec.turns = data::readDouble(value["turns"], key("turns"), 0.25, 10);
  if (value.contains("points")) {
    spec.points = data::readMatrix(value["points"], key("points"), -1, 2);
  }
  return spec;
}

Eigen::MatrixXd targetModes(const TargetSpec& spec) {
  Eigen::MatrixXd modes;
  if (spec.kind == TargetKind::Ring8) {
    modes.resize(8, 2);
    for (int k = 0; k < 8; ++k) {
      const double angle = 2.0 * std::numbers::pi * k / 8.0;
      modes(k, 0) = spec.radius * std::cos(angle);
      modes(k, 1) = spec.radius * std::sin(angle);
    }
  } else if (spec.kind == TargetKind::Grid25) {
    modes.resize(25, 2);
    for (int i = 0; i < 5; ++i) {
      for (int j = 0; j < 5; ++j) {
        modes(i * 5 + j, 0) = (i - 2) * spec.spacing;
        modes(i * 5 + j, 1) = (j - 2) * spec.spacing;
      }
    }
  }
  return modes;
}

TargetData makeTarget(const TargetSpec& spec, Rng& rng) {
  TargetData out;
  const Index n = spec.n;
  switch (spec.kind) {
    case TargetKind::Ring8:
    case TargetKind::Grid25: {
      out.modes = targetModes(spec);
      out.modeStd = spec.std;
      out.points.resize(n, 2);
      // Modes in turn, so every mode holds n/K points (+-1): coverage is then a property of
      // the generator alone, never of an unlucky draw of the data.
      for (Index i = 0; i < n; ++i) {
        const Index k = i % out.modes.rows();
        out.points(i, 0) = out.modes(k, 0) + spec.std * rng.normal();
        out.points(i, 1) = out.modes(k, 1) + spec.std * rng.normal();
      }
      break;
    }
    case TargetKind::Spiral: {
      out.points.resize(n, 2);
      for (Index i = 0; i < n; ++i) {
        const double t = rng.uniform();
        const double r = 0.3 + 2.2 * t;
        const double angle = 2.0 * std::numbers::pi * spec.turns * t;
        out.points(i, 0) = r * std::cos(angle) + spec.noise * rng.normal();
        out.points(i, 1) = r * std::sin(angle) + spec.noise * rng.normal();
      }
      break;
    }
    case TargetKind::Moons: {
      out.points = data::makeMoons(n, spec.noise, rng).points;
      // sklearn's moons span x in [-1, 2], y in [-0.5, 1]: centre them and scale to the view.
      for (Index i = 0; i < n; ++i) {
        out.points(i, 0) = 1.6 * (out.points(i, 0) - 0.5);
        out.points(i, 1) = 1.6 * (out.points(i, 1) - 0.25);
      }
      break;
    }
    case TargetKind::Painted: {
      if (spec.points.rows() > 0) {
        out.points = spec.points;
      } else {
        out.points.resize(160, 2);
        for (Index i = 0; i < out.points.rows(); ++i) {
          out.points(i, 0) = 0.25 * rng.normal();
          out.points(i, 1) = 0.25 * rng.normal();
        }
      }
      break;
    }
  }
  return out;
}

}  // namespace genlab::gan
