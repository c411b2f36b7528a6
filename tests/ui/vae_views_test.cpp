// The VAE views draw what the snapshot says: KL bars at the height of each dimension's KL in
// the active colour (grey when inactive), latent points where their posterior means are and in
// their class colour, and the probe's display position maps back to the latent it decodes.

#include <Eigen/Dense>
#include <fstream>
#include <thread>

#include "core/lesson/lesson.h"
#include "core/models/registry.h"
#include "core/models/vae/vae_snapshot.h"
#include "tests/ui/gl_fixture.h"
#include "ui/views/vae/vae_kl_view.h"
#include "ui/views/vae/vae_latent_view.h"

namespace genlab::test {
namespace {

class VaeViewsTest : public GlTest {
 protected:
  void SetUp() override {
    GlTest::SetUp();
    if (IsSkipped()) return;
    m_file = std::filesystem::temp_directory_path() / "genlab_vae_views_test.json";
    std::ofstream(m_file) << R"({"title": "t", "model": "vae",
      "dataset": {"kind": "shapes", "test": 300},
      "settings": {"latent": )"
                          << m_latent << R"(, "hidden": 32, "batch": 64, "lr": 3e-3,
                   "eval_every": 1000}, "seed": 2})";
    m_lesson = lesson::loadLesson(m_file);
    const lesson::Lesson lessonCopy = m_lesson;
    m_session = std::make_unique<train::Session>(
        [lessonCopy](std::uint64_t seed) { return models::makeTrainer(lessonCopy, seed); }, 2);
    m_session->stepN(40);
    ASSERT_TRUE(m_session->waitUntilIdle(std::chrono::seconds(60)));
    // The last snapshot may predate the last step's encodings: ask for fresh ones.
    m_session->post([](train::Trainer&) {});
    ASSERT_TRUE(m_session->waitUntilIdle(std::chrono::seconds(60)));
    m_snapshot = std::dynamic_pointer_cast<const vae::VaeSnapshot>(m_session->latest());
  }
  void TearDown() override {
    m_session.reset();
    std::filesystem::remove(m_file);
  }
  views::ViewContext context() {
    return {*m_session, m_snapshot, false, m_metrics, m_style, m_lesson};
  }

  int m_latent = 4;
  const ui::Style m_style = ui::Style::normal();
  std::filesystem::path m_file;
  lesson::Lesson m_lesson;
  std::unique_ptr<train::Session> m_session;
  std::shared_ptr<const vae::VaeSnapshot> m_snapshot;
  views::MetricsCache m_metrics;
};

TEST_F(VaeViewsTest, KlBarsStandAtEachDimensionsKl) {
  ASSERT_TRUE(m_snapshot && m_snapshot->encoding);
  const vae::Encoding& enc = *m_snapshot->encoding;
  views::VaeKlView view;
  auto ctx = context();
  view.update(ctx);
  auto& canvas = view.canvas();
  canvas.resize(500, 300);
  canvas.render(m_style);
  const auto image = canvas.readPixels();
  const auto transform = canvas.transform();
  int checked = 0;
  for (std::size_t r = 0; r < enc.dimsByKl.size(); ++r) {
    const auto d = static_cast<std::size_t>(enc.dimsByKl[r]);
    const double x = static_cast<double>(r) + 1.0;
    if (enc.klPerDim[d] < 0.05 * transform.data.height()) continue;  // too thin to sample
    const gl::Color expected =
        enc.active[d] ? m_style.palette.seriesColor(0) : m_style.palette.grid;
    ++checked;
    const auto inside = transform.toPixel({x, enc.klPerDim[d] * 0.5});
    const auto* px = image.at(static_cast<int>(inside.x), static_cast<int>(inside.y));
    EXPECT_LE(
        colorDistance(px, int(expected.r * 255), int(expected.g * 255), int(expected.b * 255)), 30)
        << "inside bar " << r;
    // Above the bar's top (by 10% of the axis and above its label): no bar colour.
    const auto above =
        transform.toPixel({x - 0.3, enc.klPerDim[d] + 0.15 * transform.data.height()});
    // (Inactive bars are grey, close to the plot area: only active ones stand out.)
    if (enc.active[d] && above.y > transform.pixels.top + 2) {
      const auto* out = image.at(static_cast<int>(above.x), static_cast<int>(above.y));
      EXPECT_GT(
          colorDistance(out, int(expected.r * 255), int(expected.g * 255), int(expected.b * 255)),
          30)
          << "above bar " << r;
    }
  }
  EXPECT_GT(checked, 0) << "no bar tall enough to sample";
}

TEST_F(VaeViewsTest, LatentPointsSitAtTheirMeansAndTheProbeInvertsTheProjection) {
  ASSERT_TRUE(m_snapshot && m_snapshot->encoding);
  const vae::Encoding& enc = *m_snapshot->encoding;
  views::VaeSelection selection;
  views::VaeColoring coloring;
  views::VaeAxes axes;
  axes.dimX = 1;
  axes.dimY = 3;
  views::VaeLatentView view(selection, coloring, axes);
  auto ctx = context();
  view.update(ctx);
  for (int i = 0; i < enc.count; i += 37) {
    const auto p = view.pointPosition(i);
    EXPECT_FLOAT_EQ(static_cast<float>(p.x),
                    enc.means[static_cast<std::size_t>(i * enc.latent + 1)]);
    EXPECT_FLOAT_EQ(static_cast<float>(p.y),
                    enc.means[static_cast<std::size_t>(i * enc.latent + 3)]);
    const auto z = view.latentAt(p);  // the chosen dims at the point, the others at 0
    EXPECT_FLOAT_EQ(z[1], static_cast<float>(p.x));
    EXPECT_FLOAT_EQ(z[3], static_cast<float>(p.y));
    EXPECT_EQ(z[0], 0.0f);
  }
  // PCA plane: the latent under a display point projects back onto that point.
  axes.pca = true;
  view.update(ctx);
  for (int i = 0; i < enc.count; i += 41) {
    const auto p = view.pointPosition(i);
    const auto z = view.latentAt(p);
    Eigen::MatrixXd means(enc.count, enc.latent);
    for (int r = 0; r < enc.count; ++r)
      for (int d = 0; d < enc.latent; ++d)
        means(r, d) = enc.means[static_cast<std::size_t>(r * enc.latent + d)];
    const auto projection = math::pcaProjection(means);
    Eigen::VectorXd zv(enc.latent);
    for (int d = 0; d < enc.latent; ++d) zv(d) = z[static_cast<std::size_t>(d)];
    const Eigen::Vector2d back = projection.point(zv);
    EXPECT_NEAR(back.x(), p.x, 1e-4);
    EXPECT_NEAR(back.y(), p.y, 1e-4);
  }
}

TEST_F(VaeViewsTest, TsneMapArrivesFromTheBackgroundAndTheProbeDecodesTheNearestCode) {
  ASSERT_TRUE(m_snapshot && m_snapshot->encoding);
  const vae::Encoding& enc = *m_snapshot->encoding;
  views::VaeSelection selection;
  views::VaeColoring coloring;
  views::VaeAxes axes;
  axes.tsne = true;
  views::VaeLatentView view(selection, coloring, axes);
  auto ctx = context();
  view.update(ctx);
  // PCA stands in until the job's first picture; the frame loop polls without waiting.
  for (int i = 0; i < 20000 && !view.showsTsne(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    view.update(ctx);
  }
  ASSERT_TRUE(view.showsTsne());
  // The map has no inverse: a point's position decodes that point's own code.
  for (int i = 0; i < enc.count; i += 29) {
    const auto z = view.latentAt(view.pointPosition(i));
    for (int d = 0; d < enc.latent; ++d)
      EXPECT_EQ(z[static_cast<std::size_t>(d)],
                enc.means[static_cast<std::size_t>(i * enc.latent + d)])
          << "point " << i;
  }
}

TEST_F(VaeViewsTest, AnIsolatedPointIsDrawnInItsFactorColour) {
  ASSERT_TRUE(m_snapshot && m_snapshot->encoding);
  const vae::Encoding& enc = *m_snapshot->encoding;
  views::VaeSelection selection;
  views::VaeColoring coloring;
  coloring.factor = 3;  // x position
  views::VaeAxes axes;
  views::VaeLatentView view(selection, coloring, axes);
  auto ctx = context();
  view.update(ctx);
  auto& canvas = view.canvas();
  canvas.resize(700, 500);
  canvas.render(m_style);
  const auto image = canvas.readPixels();
  const auto transform = canvas.transform();
  // The point farthest (in pixels) from every other, away from the edges and the markers.
  int best = -1;
  double bestGap = 0;
  std::vector<plot::Vec2> pixels;
  for (int i = 0; i < enc.count; ++i) pixels.push_back(transform.toPixel(view.pointPosition(i)));
  const auto probe = transform.toPixel({0.0, 0.0});
  const auto picked = pixels[0];
  for (int i = 1; i < enc.count; ++i) {
    double gap = 1e9;
    for (int j = 0; j < enc.count; ++j) {
      if (j == i) continue;
      gap = std::min(gap, std::hypot(pixels[i].x - pixels[j].x, pixels[i].y - pixels[j].y));
    }
    gap = std::min({gap, std::hypot(pixels[i].x - probe.x, pixels[i].y - probe.y) - 12,
                    std::hypot(pixels[i].x - picked.x, pixels[i].y - picked.y) - 10});
    const bool inside = pixels[i].x > transform.pixels.left + 10 &&
                        pixels[i].x < transform.pixels.left + transform.pixels.width - 150 &&
                        pixels[i].y > transform.pixels.top + 120 &&
                        pixels[i].y < transform.pixels.top + transform.pixels.height - 10;
    if (inside && gap > bestGap) {
      bestGap = gap;
      best = i;
    }
  }
  ASSERT_GE(best, 0);
  ASSERT_GT(bestGap, 6.0) << "no isolated point to sample";
  const int level = m_snapshot->heldOut->factor(best, 3);
  const gl::Color expected = ui::colormap(ui::Colormap::Viridis, level / 6.0f);
  const auto* px = image.at(static_cast<int>(pixels[best].x), static_cast<int>(pixels[best].y));
  // Points are drawn at 85% opacity over the plot area.
  const gl::Color blended = gl::mix(m_style.palette.plotArea, expected, 0.85f);
  EXPECT_LE(colorDistance(px, int(blended.r * 255), int(blended.g * 255), int(blended.b * 255)), 45)
      << "point " << best << " level " << level;
}

}  // namespace
}  // namespace genlab::test
