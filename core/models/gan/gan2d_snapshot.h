#pragma once
// What the toy 2-D GAN's views draw, frozen at one moment: immutable once published and
// self-contained. The heavy parts (generated sample, D's field, manifold, arrows, measures) are
// computed together as `visuals`, only when due (about 10 times a second of training, and after
// every edit), and shared by the snapshots in between; `visuals->step` says how old they are.
//
// Coordinates are data coordinates. Points are interleaved floats x0, y0, x1, y1, ...

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/models/gan/gan_measures.h"
#include "core/models/gan/gan_settings.h"
#include "core/models/gan/toy_targets.h"
#include "core/train/trainer.h"

namespace genlab::gan {

struct Gan2dVisuals {
  std::int64_t step = 0;  // training steps done when these were computed
  std::int64_t dUpdates = 0;
  std::int64_t gUpdates = 0;

  // G applied to a fixed set of noise vectors (the same ones all run long, so a point's motion
  // from one picture to the next is the motion of one sample).
  std::vector<float> generated;
  // At each generated point, -d loss_G / d x: the direction (and strength) in which the
  // generator's loss pushes that sample. Same layout as `generated`.
  std::vector<float> push;

  // D's displayed output (gan_nets.h displayedOutput: a probability, or a raw least-squares /
  // critic value) at the centres of a fieldCols x fieldRows grid over `fieldBounds`, row-major,
  // row 0 at yMin: value(r, c) = D(xMin + (c + 0.5) dx, yMin + (r + 0.5) dy).
  int fieldCols = 0;
  int fieldRows = 0;
  Bounds2d fieldBounds;
  std::vector<float> field;
  bool fieldIsProbability = true;

  // G's image of a regular grid in noise space over [-kManifoldRange, kManifoldRange]^noise_dim:
  // one curve for noise_dim 1; for 2 the images of the grid's rows and then of its columns.
  std::vector<std::vector<float>> manifold;

  GridDivergences divergences;  // real data against `generated`
  ModeCoverage coverage;        // of `generated` (modes = 0 for targets without modes)
};

struct Gan2dSnapshot final : train::Snapshot {
  TargetKind target = TargetKind::Ring8;
  GanSettings settings;
  std::shared_ptr<const std::vector<float>> real;  // the training data, shared until edited
  Eigen::MatrixXd modes;                           // K x 2 (0 rows when none)
  double modeStd = 0.0;
  Bounds2d bounds;  // what the views show (data and field)
  std::shared_ptr<const Gan2dVisuals> visuals;

  double lossD = 0.0;  // at the last update of each
  double lossG = 0.0;
  std::int64_t dUpdates = 0;
  std::int64_t gUpdates = 0;
  std::vector<std::string> messages;

  // The visuals of this moment (shared with the snapshots until they are recomputed, counted in
  // each: an overestimate), not the training data.
  std::size_t bytes() const override {
    std::size_t total = sizeof(Gan2dSnapshot) + static_cast<std::size_t>(modes.size()) * 8;
    if (visuals) {
      total += sizeof(Gan2dVisuals) +
               (visuals->generated.size() + visuals->push.size() + visuals->field.size()) *
                   sizeof(float);
      for (const auto& curve : visuals->manifold) total += curve.size() * sizeof(float);
    }
    return total;
  }
};

inline constexpr double kManifoldRange = 2.5;  // noise is N(0, I): +-2.5 holds 98.8% per axis

}  // namespace genlab::gan
