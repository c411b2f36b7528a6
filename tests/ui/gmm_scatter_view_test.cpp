// The GMM scatter view draws what the snapshot says, where it says: each mean's handle at the
// pixel of the mean, each 1-sigma ring through the points at one standard deviation along the
// covariance's eigenvectors, and points in their component's colour.

#include "ui/views/gmm/gmm_scatter_view.h"

#include <Eigen/Eigenvalues>
#include <fstream>

#include "core/lesson/lesson.h"
#include "core/models/gmm/gmm_snapshot.h"
#include "core/models/gmm/gmm_trainer.h"
#include "core/models/registry.h"
#include "tests/ui/gl_fixture.h"

namespace genlab::test {
namespace {

class GmmScatterViewTest : public GlTest {
 protected:
  void SetUp() override {
    GlTest::SetUp();
    if (IsSkipped()) return;
    m_view = std::make_unique<views::GmmScatterView>();
    m_file = std::filesystem::temp_directory_path() / "genlab_scatter_test.json";
    std::ofstream(m_file) << R"({"title": "t", "model": "gmm",
      "dataset": {"kind": "blobs", "n": 300, "centers": [[-4, 0], [4, 1]], "std": 0.7},
      "settings": {"k": 2, "init": "kmeans++", "tol": 0}, "seed": 2})";
    m_lesson = lesson::loadLesson(m_file);
    const lesson::Lesson lessonCopy = m_lesson;
    m_session = std::make_unique<train::Session>(
        [lessonCopy](std::uint64_t seed) { return models::makeTrainer(lessonCopy, seed); }, 2);
    m_session->stepN(30);
    ASSERT_TRUE(m_session->waitUntilIdle(std::chrono::seconds(30)));
  }
  void TearDown() override {
    m_session.reset();
    std::filesystem::remove(m_file);
  }

  // Renders the view of the session's latest snapshot offscreen at 600 x 400.
  struct Rendered {
    std::shared_ptr<const gmm::GmmSnapshot> snapshot;
    gl::ImageRgba image;
    plot::ViewTransform transform;
  };
  Rendered render(bool ellipses) {
    Rendered out;
    out.snapshot = std::dynamic_pointer_cast<const gmm::GmmSnapshot>(m_session->latest());
    views::ViewContext context{*m_session, out.snapshot, false, m_metrics, m_style, m_lesson};
    m_view->options.ellipses = ellipses;
    m_view->update(context);
    auto& canvas = m_view->canvas();
    canvas.resize(600, 400);
    canvas.render(m_style);
    out.image = canvas.readPixels();
    out.transform = canvas.transform();
    return out;
  }

  // Replaces the session's data (as the side panel's Load CSV does) and waits for the snapshot.
  void importData(const Eigen::MatrixXd& data) {
    m_session->post([data](train::Trainer& trainer) {
      auto& gmm = dynamic_cast<gmm::GmmTrainer&>(trainer);
      gmm.setData(data);
      gmm.eStepOnly();
    });
    ASSERT_TRUE(m_session->waitUntilIdle(std::chrono::seconds(30)));
  }

  const ui::Style m_style = ui::Style::normal();
  std::unique_ptr<views::GmmScatterView> m_view;  // made in SetUp: it needs the GL context
  std::filesystem::path m_file;
  lesson::Lesson m_lesson;
  std::unique_ptr<train::Session> m_session;
  views::MetricsCache m_metrics;
};

TEST_F(GmmScatterViewTest, HandlesSitOnTheMeansAndRingsOnOneSigma) {
  const auto [snapshot, image, transform] = render(true);
  ASSERT_TRUE(snapshot);
  const ui::Style& style = m_style;

  for (int k = 0; k < snapshot->k; ++k) {
    SCOPED_TRACE("component " + std::to_string(k));
    const gl::Color color = style.palette.seriesColor(k);
    const auto& mean = snapshot->means2d[static_cast<std::size_t>(k)];
    const auto centre = transform.toPixel({mean.x(), mean.y()});
    const auto* px = image.at(static_cast<int>(centre.x), static_cast<int>(centre.y));
    EXPECT_LE(colorDistance(px, int(color.r * 255), int(color.g * 255), int(color.b * 255)), 40)
        << "handle colour at the mean";

    // Along the major axis, 1 sigma out: the ring is drawn in a darker shade of the colour.
    Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eig(
        snapshot->covariances2d[static_cast<std::size_t>(k)]);
    const Eigen::Vector2d onRing =
        mean + eig.eigenvectors().col(1) * std::sqrt(eig.eigenvalues()(1));
    const auto ringPx = transform.toPixel({onRing.x(), onRing.y()});
    const gl::Color ring = gl::mix(color, gl::Color{0, 0, 0, 1}, 0.3f);
    int best = 255;  // the ring is 3 px wide: look in a small neighbourhood for rounding
    for (int dy = -2; dy <= 2; ++dy) {
      for (int dx = -2; dx <= 2; ++dx) {
        best =
            std::min(best, colorDistance(image.at(int(ringPx.x) + dx, int(ringPx.y) + dy),
                                         int(ring.r * 255), int(ring.g * 255), int(ring.b * 255)));
      }
    }
    EXPECT_LE(best, 40) << "1-sigma ring colour at one standard deviation";
  }
}

TEST_F(GmmScatterViewTest, WithoutEllipsesTheRingPixelsShowNoRing) {
  const auto [snapshot, image, transform] = render(false);
  const ui::Style& style = m_style;
  const auto& mean = snapshot->means2d[0];
  Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eig(snapshot->covariances2d[0]);
  // 3 sigma out along the major axis: far from most points, on the 3-sigma ring when drawn.
  const Eigen::Vector2d out =
      mean + eig.eigenvectors().col(1) * 3.0 * std::sqrt(eig.eigenvalues()(1));
  const auto p = transform.toPixel({out.x(), out.y()});
  const gl::Color ring = gl::mix(style.palette.seriesColor(0), gl::Color{0, 0, 0, 1}, 0.3f);
  EXPECT_GT(colorDistance(image.at(int(p.x), int(p.y)), int(ring.r * 255), int(ring.g * 255),
                          int(ring.b * 255)),
            60);
}

// 150 points on x in [1, 7] and y in [0.1, 2.5]: far smaller than the lesson's blobs.
Eigen::MatrixXd smallCornerData() {
  Eigen::MatrixXd data(150, 2);
  for (int i = 0; i < 150; ++i) {
    data(i, 0) = 1.0 + 6.0 * i / 149.0;
    data(i, 1) = 0.1 + 2.4 * ((i * 37) % 150) / 149.0;
  }
  return data;
}

TEST_F(GmmScatterViewTest, ImportedDataIsFittedUnlessThePersonMovedTheView) {
  render(true);
  importData(smallCornerData());
  render(true);
  const plot::DataRect view = m_view->canvas().view();
  // The new data fills most of the plot, and all of it is inside.
  EXPECT_TRUE(view.xMin <= 1.0 && view.xMax >= 7.0 && view.yMin <= 0.1 && view.yMax >= 2.5)
      << view.xMin << " " << view.xMax << " " << view.yMin << " " << view.yMax;
  EXPECT_GT(6.0 / view.width(), 0.75);
  EXPECT_GT(2.4 / view.height(), 0.75);

  // Panned by the person: later data leaves the view where they put it.
  const plot::DataRect panned{-50, -40, -50, -40};
  m_view->canvas().setView(panned);
  importData(smallCornerData() * 3.0);
  render(true);
  EXPECT_EQ(m_view->canvas().view(), panned);
}

TEST_F(GmmScatterViewTest, PointsAddedInsideTheViewKeepIt) {
  const auto first = render(true);
  const plot::DataRect before = m_view->canvas().view();
  // One more point inside the view, as a click adds it: the view must not jump.
  Eigen::MatrixXd data = first.snapshot->points->cast<double>();
  data.conservativeResize(data.rows() + 1, Eigen::NoChange);
  data.row(data.rows() - 1) << before.center().x, before.center().y;
  importData(data);
  render(true);
  EXPECT_EQ(m_view->canvas().view(), before);
}

}  // namespace
}  // namespace genlab::test
