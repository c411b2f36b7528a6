// Strict settings and dataset specs: every bad key or value names itself.

#include "core/models/gan/gan_settings.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/models/gan/toy_targets.h"
#include "core/util/errors.h"

namespace genlab::gan {
namespace {

using nlohmann::json;

std::string errorOf(const json& settings, GanFlavour flavour = GanFlavour::Toy2d) {
  try {
    GanSettings::fromJson(settings, GanSettings::defaults(flavour));
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

std::string targetErrorOf(const json& spec) {
  try {
    TargetSpec::fromJson(spec);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

TEST(GanSettings, RoundTripsThroughJson) {
  const json in = {{"g_width", 64},          {"g_depth", 3},      {"d_width", 32},  {"d_depth", 1},
                   {"noise_dim", 1},         {"loss", "wgan_gp"}, {"gp_weight", 2}, {"d_steps", 5},
                   {"optimizer", "rmsprop"}, {"lr_g", 0.002},     {"lr_d", 0.003},  {"beta1", 0.1},
                   {"beta2", 0.9},           {"batch", 100}};
  const GanSettings s = GanSettings::fromJson(in, GanSettings::defaults(GanFlavour::Toy2d));
  EXPECT_EQ(s.loss, GanLoss::WganGp);
  EXPECT_EQ(s.optimizer, GanOptimizer::RmsProp);
  EXPECT_EQ(s.gDepth, 3);
  EXPECT_EQ(s.toJson(), in);
  const GanSettings image = GanSettings::defaults(GanFlavour::Image);
  EXPECT_EQ(image.noiseDim, 100);
  EXPECT_EQ(image.batch, 64);
  EXPECT_DOUBLE_EQ(image.lrG, 2e-4);
  EXPECT_EQ(image.toJson()["architecture"], "dcgan");
}

TEST(GanSettings, BadValuesNameTheirKey) {
  EXPECT_EQ(errorOf({{"noise_dim", 3}}).rfind("settings.noise_dim:", 0), 0u);
  EXPECT_EQ(errorOf({{"loss", "hinge"}}).rfind("settings.loss:", 0), 0u);
  EXPECT_EQ(errorOf({{"d_steps", 0}}).rfind("settings.d_steps:", 0), 0u);
  EXPECT_EQ(errorOf({{"lr_g", "fast"}}).rfind("settings.lr_g:", 0), 0u);
  EXPECT_EQ(errorOf({{"optimizer", "adagrad"}}).rfind("settings.optimizer:", 0), 0u);
  EXPECT_NE(errorOf({{"widht", 3}}).find("widht"), std::string::npos);
  // Keys of the other flavour are unknown, not ignored.
  EXPECT_NE(errorOf({{"architecture", "mlp"}}).find("architecture"), std::string::npos);
  EXPECT_NE(errorOf({{"g_width", 8}}, GanFlavour::Image).find("g_width"), std::string::npos);
  EXPECT_EQ(errorOf({{"noise_dim", 100}}, GanFlavour::Image), "");
  EXPECT_EQ(
      errorOf({{"architecture", "resnet"}}, GanFlavour::Image).rfind("settings.architecture:", 0),
      0u);
}

TEST(GanSettings, RebuildOnlyForShapes) {
  const GanSettings a = GanSettings::defaults(GanFlavour::Toy2d);
  GanSettings b = a;
  b.lrG = 0.1;
  b.loss = GanLoss::LeastSquares;
  EXPECT_FALSE(a.needsRebuild(b));
  b.noiseDim = 1;
  EXPECT_TRUE(a.needsRebuild(b));
}

TEST(ToyTargets, SpecsAreStrict) {
  EXPECT_EQ(targetErrorOf({{"kind", "ring8"}, {"n", 2000}, {"std", 0.05}}), "");
  EXPECT_EQ(targetErrorOf({{"kind", "ring9"}}).rfind("dataset.kind:", 0), 0u);
  EXPECT_EQ(targetErrorOf({{"kind", "ring8"}, {"n", 3}}).rfind("dataset.n:", 0), 0u);
  EXPECT_NE(targetErrorOf({{"kind", "ring8"}, {"noise", 0.1}}).find("noise"), std::string::npos);
  EXPECT_EQ(
      targetErrorOf({{"kind", "painted"}, {"points", {{0, 1, 2}}}}).rfind("dataset.points", 0), 0u);
  EXPECT_EQ(targetErrorOf(json::object()).rfind("dataset.kind:", 0), 0u);
}

TEST(ToyTargets, MixturesPutEqualSharesAroundTheirModes) {
  Rng rng(3);
  TargetSpec spec;
  spec.kind = TargetKind::Ring8;
  spec.n = 800;
  spec.std = 0.05;
  const TargetData ring = makeTarget(spec, rng);
  ASSERT_EQ(ring.modes.rows(), 8);
  EXPECT_NEAR(ring.modes(2, 0), 0.0, 1e-12);  // 90 degrees
  EXPECT_NEAR(ring.modes(2, 1), 2.0, 1e-12);
  // Every point lies within 5 std of its mode (i mod 8), and each mode has 100 points.
  for (Eigen::Index i = 0; i < ring.points.rows(); ++i) {
    EXPECT_LT((ring.points.row(i) - ring.modes.row(i % 8)).norm(), 5 * 0.05) << i;
  }
  spec.kind = TargetKind::Grid25;
  const TargetData grid = makeTarget(spec, rng);
  ASSERT_EQ(grid.modes.rows(), 25);
  EXPECT_NEAR(grid.modes(0, 0), -2.0, 1e-12);
  EXPECT_NEAR(grid.modes(24, 1), 2.0, 1e-12);
  spec.kind = TargetKind::Spiral;
  const TargetData spiral = makeTarget(spec, rng);
  EXPECT_EQ(spiral.modes.rows(), 0);
  // Radii 0.3 .. 2.5 plus noise 0.05.
  const Eigen::VectorXd r = spiral.points.rowwise().norm();
  EXPECT_GT(r.minCoeff(), 0.05);
  EXPECT_LT(r.maxCoeff(), 2.8);
}

}  // namespace
}  // namespace genlab::gan
