// The toy GAN's field view draws what the snapshot says, where it says: the heatmap is green
// where D says "real" and purple where it says "generated" (at those cells' positions, so the
// grid is not flipped or shifted), and every generated point sits at its pixel in G's colour.

#include <fstream>
#include <memory>

#include "core/lesson/lesson.h"
#include "core/models/gan/gan2d_trainer.h"
#include "core/models/registry.h"
#include "tests/ui/gl_fixture.h"
#include "ui/views/gan/gan2d_field_view.h"

namespace genlab::test {
namespace {

class GanFieldViewTest : public GlTest {
 protected:
  void SetUp() override {
    GlTest::SetUp();
    if (IsSkipped()) return;
    m_view = std::make_unique<views::Gan2dFieldView>();  // it owns GL objects: needs the context
    m_file = std::filesystem::temp_directory_path() / "genlab_gan_field_test.json";
    std::ofstream(m_file) << R"({"title": "t", "model": "gan2d",
      "dataset": {"kind": "ring8", "n": 400},
      "settings": {"g_width": 32, "d_width": 32, "batch": 64, "lr_d": 3e-3}, "seed": 2})";
    m_lesson = lesson::loadLesson(m_file);
    const lesson::Lesson lessonCopy = m_lesson;
    m_session = std::make_unique<train::Session>(
        [lessonCopy](std::uint64_t seed) { return models::makeTrainer(lessonCopy, seed); }, 2);
    // D alone for a while: a confident field, green on the ring, purple on G's blob.
    for (int i = 0; i < 40; ++i) {
      m_session->post([](train::Trainer& t) {
        if (auto* g = dynamic_cast<gan::Gan2dTrainer*>(&t)) g->stepDiscriminatorOnly();
      });
    }
    ASSERT_TRUE(m_session->waitUntilIdle(std::chrono::seconds(30)));
  }
  void TearDown() override {
    m_view.reset();
    m_session.reset();
    std::filesystem::remove(m_file);
  }

  struct Rendered {
    std::shared_ptr<const gan::Gan2dSnapshot> snapshot;
    gl::ImageRgba image;
    plot::ViewTransform transform;
  };
  Rendered render(const views::Gan2dFieldOptions& options) {
    Rendered out;
    out.snapshot = std::dynamic_pointer_cast<const gan::Gan2dSnapshot>(m_session->latest());
    views::ViewContext context{*m_session, out.snapshot, false, m_metrics, m_style, m_lesson};
    m_view->options = options;
    m_view->update(context);
    auto& canvas = m_view->canvas();
    canvas.setLegendPosition(plot::LegendPosition::Hidden);
    canvas.resize(600, 600);
    canvas.render(m_style);
    out.image = canvas.readPixels();
    out.transform = canvas.transform();
    return out;
  }

  const ui::Style m_style = ui::Style::normal();
  std::unique_ptr<views::Gan2dFieldView> m_view;
  std::filesystem::path m_file;
  lesson::Lesson m_lesson;
  std::unique_ptr<train::Session> m_session;
  views::MetricsCache m_metrics;
};

TEST_F(GanFieldViewTest, HeatmapShowsDWhereDWasEvaluated) {
  views::Gan2dFieldOptions only;
  only.manifold = only.arrows = only.real = only.generated = only.modes = false;
  const auto [snapshot, image, transform] = render(only);
  ASSERT_TRUE(snapshot && snapshot->visuals);
  const gan::Gan2dVisuals& v = *snapshot->visuals;
  ASSERT_TRUE(v.fieldIsProbability);
  const auto best = std::max_element(v.field.begin(), v.field.end()) - v.field.begin();
  const auto worst = std::min_element(v.field.begin(), v.field.end()) - v.field.begin();
  ASSERT_GT(v.field[best], 0.7f);
  ASSERT_LT(v.field[worst], 0.3f);
  const auto centre = [&](std::ptrdiff_t i) {
    const auto& b = v.fieldBounds;
    const double dx = (b.xMax - b.xMin) / v.fieldCols, dy = (b.yMax - b.yMin) / v.fieldRows;
    const int r = static_cast<int>(i) / v.fieldCols, c = static_cast<int>(i) % v.fieldCols;
    return transform.toPixel({b.xMin + (c + 0.5) * dx, b.yMin + (r + 0.5) * dy});
  };
  const auto at = [&](std::ptrdiff_t i) {
    const auto p = centre(i);
    return image.at(static_cast<int>(p.x), static_cast<int>(p.y));
  };
  const std::uint8_t* real = at(best);
  const std::uint8_t* fake = at(worst);
  EXPECT_GT(real[1], real[0] + 30) << "green where D(x) is highest";
  EXPECT_GT(fake[0], fake[1] + 20) << "purple where D(x) is lowest";
  EXPECT_GT(fake[2], fake[1] + 20);
  // A cell where D is undecided is close to the plot colour.
  std::ptrdiff_t middle = 0;
  for (std::size_t i = 0; i < v.field.size(); ++i) {
    if (std::abs(v.field[i] - 0.5f) < std::abs(v.field[middle] - 0.5f)) middle = i;
  }
  const gl::Color area = m_style.palette.plotArea;
  EXPECT_LE(colorDistance(at(middle), int(area.r * 255), int(area.g * 255), int(area.b * 255)), 40);
}

TEST_F(GanFieldViewTest, GeneratedPointsSitAtTheirPixels) {
  views::Gan2dFieldOptions only;
  only.heatmap = only.manifold = only.arrows = only.real = only.modes = false;
  const auto [snapshot, image, transform] = render(only);
  const auto& g = snapshot->visuals->generated;
  ASSERT_EQ(m_view->generatedLayer().size(), g.size() / 2);
  const gl::Color color = m_style.palette.seriesColor(1);
  for (std::size_t i = 0; i < 10; ++i) {
    const auto p = transform.toPixel({g[2 * i], g[2 * i + 1]});
    const auto* px = image.at(static_cast<int>(p.x), static_cast<int>(p.y));
    EXPECT_LE(colorDistance(px, int(color.r * 255), int(color.g * 255), int(color.b * 255)), 50)
        << "point " << i;
  }
}

}  // namespace
}  // namespace genlab::test
