// The procedural shapes: binary sprites whose generative factors are known exactly, so a
// model's latent space can be scored against them (MIG). Each pixel is on when its centre lies
// inside the shape, so images are reproducible bit for bit on any machine.

#include <array>
#include <cmath>
#include <numbers>

#include "core/data/image_datasets.h"

namespace genlab::data {
namespace {

constexpr int kSide = 28;
constexpr int kShapes = 3;
constexpr int kScales = 4;
constexpr int kRotations = 8;
constexpr int kPositions = 7;

// Half-size in pixels per scale level, and centre coordinates per position level. The largest
// shape rotated by 45 degrees (half-diagonal 5 * sqrt 2 = 7.1) still fits inside the image
// at the outermost positions (7.1 < 8 - 0.5, the first pixel centre).
constexpr std::array<double, kScales> kHalfSize = {2.0, 3.0, 4.0, 5.0};
constexpr double kFirstPosition = 8.0;
constexpr double kPositionStep = 2.0;

// Rotations sweep one period of each shape's symmetry, so no two levels draw the same image:
// a square repeats every 90 degrees, an ellipse every 180, an equilateral triangle every 120.
constexpr std::array<double, kShapes> kSymmetryPeriod = {std::numbers::pi / 2, std::numbers::pi,
                                                         2 * std::numbers::pi / 3};

// Is (x, y), in the shape's own frame scaled so the shape's half-size is 1, inside it?
bool inside(int shape, double x, double y) {
  switch (shape) {
    case 0:  // square
      return std::abs(x) <= 1.0 && std::abs(y) <= 1.0;
    case 1:  // ellipse, axes 1 and 0.55
      return x * x + (y / 0.55) * (y / 0.55) <= 1.0;
    default: {
      // Equilateral triangle with circumradius 1.25, one vertex up: inside all three edges,
      // each at distance r/2 from the centre along its outward normal.
      constexpr double kInradius = 1.25 / 2;
      for (int edge = 0; edge < 3; ++edge) {
        const double angle = -std::numbers::pi / 2 + edge * 2 * std::numbers::pi / 3;
        if (x * std::cos(angle) + y * std::sin(angle) > kInradius) return false;
      }
      return true;
    }
  }
}

void draw(int shape, int scale, int rotation, int px, int py, float* image) {
  const double half = kHalfSize[static_cast<std::size_t>(scale)];
  const double angle =
      kSymmetryPeriod[static_cast<std::size_t>(shape)] * rotation / static_cast<double>(kRotations);
  const double c = std::cos(angle);
  const double s = std::sin(angle);
  const double cx = kFirstPosition + kPositionStep * px;
  const double cy = kFirstPosition + kPositionStep * py;
  for (int row = 0; row < kSide; ++row) {
    for (int col = 0; col < kSide; ++col) {
      const double dx = col + 0.5 - cx;
      const double dy = row + 0.5 - cy;
      // Rotate the pixel back into the shape's frame.
      const double x = (c * dx + s * dy) / half;
      const double y = (-s * dx + c * dy) / half;
      image[row * kSide + col] = inside(shape, x, y) ? 1.0f : 0.0f;
    }
  }
}

}  // namespace

const std::vector<std::string>& shapesFactorNames() {
  static const std::vector<std::string> names = {"shape", "scale", "rotation", "x", "y"};
  return names;
}

ImageSet makeShapes() {
  ImageSet set;
  set.height = kSide;
  set.width = kSide;
  set.factorNames = shapesFactorNames();
  set.factorLevels = {kShapes, kScales, kRotations, kPositions, kPositions};
  set.classNames = {"square", "ellipse", "triangle"};
  set.count = kShapes * kScales * kRotations * kPositions * kPositions;
  set.pixels.assign(static_cast<std::size_t>(set.count) * kSide * kSide, 0.0f);
  set.labels.reserve(static_cast<std::size_t>(set.count));
  set.factors.reserve(static_cast<std::size_t>(set.count) * set.factorNames.size());
  int index = 0;
  for (int shape = 0; shape < kShapes; ++shape)
    for (int scale = 0; scale < kScales; ++scale)
      for (int rotation = 0; rotation < kRotations; ++rotation)
        for (int x = 0; x < kPositions; ++x)
          for (int y = 0; y < kPositions; ++y) {
            draw(shape, scale, rotation, x, y,
                 set.pixels.data() + static_cast<std::size_t>(index) * kSide * kSide);
            set.labels.push_back(shape);
            set.factors.insert(set.factors.end(), {shape, scale, rotation, x, y});
            ++index;
          }
  return set;
}

}  // namespace genlab::data
