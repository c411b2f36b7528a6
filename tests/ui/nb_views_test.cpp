// The Naive Bayes views: strokes on the drawing canvas set exactly the cells they cross; the
// posterior shown for a drawing is the model's (checked against the Bernoulli posterior worked
// out here from the fitted log probabilities, and through the draw view itself); the field view
// shades each model's own posterior at its cells' centres, and its two plots share one view.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "core/data/binary_images.h"
#include "core/lesson/lesson.h"
#include "core/models/nb/nb_snapshot.h"
#include "core/models/registry.h"
#include "tests/ui/gl_fixture.h"
#include "ui/views/nb/drawing_grid.h"
#include "ui/views/nb/nb_field_view.h"
#include "ui/views/nb/nb_image_views.h"

namespace genlab::test {
namespace {

using views::DrawingGrid;

int painted(const DrawingGrid& g) {
  int n = 0;
  for (float p : g.pixels()) n += p == 1.0f;
  return n;
}

TEST(NbDrawingGrid, StrokesSetTheCellsTheyCrossAndErase) {
  DrawingGrid g(8, 8);
  const auto v0 = g.version();
  EXPECT_TRUE(g.stroke({0.5, 2.5}, {7.5, 2.5}, 1.0f));  // along row 2
  EXPECT_GT(g.version(), v0);
  EXPECT_EQ(painted(g), 8);
  for (int c = 0; c < 8; ++c) EXPECT_EQ(g.pixels()[static_cast<std::size_t>(16 + c)], 1.0f);
  // One fast move corner to corner (one frame apart): the whole diagonal, nothing else.
  g.clear();
  g.stroke({0.2, 0.2}, {7.8, 7.8}, 1.0f);
  EXPECT_EQ(painted(g), 8);
  for (int i = 0; i < 8; ++i) EXPECT_EQ(g.pixels()[static_cast<std::size_t>(9 * i)], 1.0f);
  // Erasing the middle of it, and a point outside the grid that changes nothing.
  EXPECT_TRUE(g.stroke({3.5, 3.5}, {4.5, 4.5}, 0.0f));
  EXPECT_EQ(painted(g), 6);
  const auto v1 = g.version();
  EXPECT_FALSE(g.stroke({-3.0, 9.0}, {-1.0, 12.0}, 1.0f));
  EXPECT_EQ(g.version(), v1);
}

TEST(NbDrawingGrid, PosteriorOfADrawingIsTheBernoulliPosterior) {
  // A small Bernoulli model of 8x8 images: class 0 has its ink on the top rows, class 1 on the
  // left columns, class 2 everywhere a little.
  Rng rng(5);
  Eigen::MatrixXd x(60, 64);
  std::vector<int> y;
  for (int i = 0; i < 60; ++i) {
    const int c = i % 3;
    y.push_back(c);
    for (int j = 0; j < 64; ++j) {
      const double p = c == 0 ? (j < 16 ? 0.9 : 0.05) : c == 1 ? (j % 8 < 2 ? 0.9 : 0.05) : 0.3;
      x(i, j) = rng.uniform() < p ? 1.0 : 0.0;
    }
  }
  nb::NbConfig config;
  config.kind = nb::NbKind::Bernoulli;
  const nb::NaiveBayes model(config, x, y, 3);
  DrawingGrid g(8, 8);
  g.stroke({0.5, 0.5}, {7.5, 0.5}, 1.0f);  // a line along the top: class 0's ink
  const Eigen::VectorXd p = views::posteriorOf(model, g);
  // By hand: log p(y) + sum_j x_j log p_j + (1 - x_j) log(1 - p_j), normalised.
  Eigen::VectorXd joint(3);
  for (int c = 0; c < 3; ++c) {
    joint(c) = model.classLogPrior()(c);
    for (int j = 0; j < 64; ++j) {
      const double pj = std::exp(model.featureLogProb()(c, j));
      joint(c) += g.pixels()[static_cast<std::size_t>(j)] == 1.0f ? std::log(pj) : std::log1p(-pj);
    }
  }
  const double top = joint.maxCoeff();
  const Eigen::VectorXd expected = (joint.array() - top).exp() / (joint.array() - top).exp().sum();
  ASSERT_EQ(p.size(), 3);
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(p(c), expected(c), 1e-12) << c;
  EXPECT_GT(p(0), 0.9);
}

class NbViewsTest : public GlTest {
 protected:
  void open(const nlohmann::json& spec) {
    m_lesson = lesson::lessonFromJson(spec, std::filesystem::temp_directory_path() / "nb.json");
    const lesson::Lesson copy = m_lesson;
    m_session = std::make_unique<train::Session>(
        [copy](std::uint64_t seed) { return models::makeTrainer(copy, seed); }, 1);
    m_session->stepN(3);
    ASSERT_TRUE(m_session->waitUntilIdle(std::chrono::seconds(30)));
  }
  views::ViewContext context() {
    return views::ViewContext{*m_session, m_session->latest(), false, m_metrics, m_style, m_lesson};
  }

  const ui::Style m_style = ui::Style::normal();
  lesson::Lesson m_lesson;
  std::unique_ptr<train::Session> m_session;
  views::MetricsCache m_metrics;
};

TEST_F(NbViewsTest, FieldShowsEachModelsPosteriorAndBothPlotsShareTheView) {
  open({{"title", "t"},
        {"model", "nb"},
        {"dataset",
         {{"kind", "blobs"},
          {"n", 300},
          {"centers", {{-1.3, 0.0}, {1.3, 0.0}}},
          {"covariances", {{{2.0, 1.8}, {1.8, 2.0}}, {{2.0, 1.8}, {1.8, 2.0}}}}}},
        {"settings", {{"batch", 40}}}});
  views::NbFieldView view;
  auto ctx = context();
  const auto s = std::dynamic_pointer_cast<const nb::NbSnapshot>(ctx.snapshot);
  ASSERT_TRUE(s && s->full);
  view.naiveCanvas().resize(500, 400);
  view.fullCanvas().resize(500, 400);
  view.update(ctx);
  for (int side = 0; side < 2; ++side) {
    const nb::PosteriorGrid& grid = view.grid(side);
    ASSERT_GT(grid.cols, 10);
    for (int r = 0; r < grid.rows; r += 37) {
      for (int c = 0; c < grid.cols; c += 29) {
        Eigen::MatrixXd at(1, 2);
        at.row(0) = grid.centre(r, c).transpose();
        const Eigen::MatrixXd p =
            side == 0 ? s->model->predictProba(at) : s->full->predictProba(at);
        for (int k = 0; k < 2; ++k) EXPECT_NEAR(grid.at(r, c, k), p(0, k), 1e-6);
      }
    }
  }
  // The naive boundary is (nearly) vertical, the full one follows the tilt: somewhere the two
  // disagree on the winner.
  int disagree = 0;
  for (int r = 0; r < view.grid(0).rows; ++r)
    for (int c = 0; c < view.grid(0).cols; ++c)
      disagree += view.grid(0).winner(r, c) != view.grid(1).winner(r, c);
  EXPECT_GT(disagree, 100);
  EXPECT_EQ(view.naiveCanvas().view().xMin, view.fullCanvas().view().xMin);
}

TEST_F(NbViewsTest, DrawViewShowsTheModelsPosteriorOfTheDrawing) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits not installed";
  open({{"title", "t"},
        {"model", "nb"},
        {"dataset", {{"kind", "digits"}, {"test", 297}, {"binarize", "threshold"}}},
        {"settings", {{"batch", 400}}},
        {"views", {"draw"}}});
  views::NbDrawView view;
  auto ctx = context();
  const auto s = std::dynamic_pointer_cast<const nb::NbSnapshot>(ctx.snapshot);
  ASSERT_TRUE(s);
  view.update(ctx);
  const Eigen::VectorXd blank = view.posterior();
  ASSERT_EQ(blank.size(), 10);
  // A "1": a vertical stroke down the middle.
  view.drawing().stroke({3.5, 0.5}, {3.5, 7.5}, 1.0f);
  view.drawing().stroke({4.5, 0.5}, {4.5, 7.5}, 1.0f);
  view.update(ctx);
  const Eigen::VectorXd drawn = view.posterior();
  const Eigen::VectorXd expected =
      s->model->predictProba(view.drawing().asRow()).row(0).transpose();
  EXPECT_LT((drawn - expected).cwiseAbs().maxCoeff(), 1e-15);
  EXPECT_GT((drawn - blank).cwiseAbs().maxCoeff(), 0.1);
  Eigen::Index best = 0;
  drawn.maxCoeff(&best);
  EXPECT_EQ(best, 1);
  // A held-out image on the canvas: its posterior is the model's for that image.
  view.showTestImage(*s, 5);
  view.update(ctx);
  const Eigen::VectorXd test = s->model->predictProba(s->data->test.row(5)).row(0).transpose();
  EXPECT_LT((view.posterior() - test).cwiseAbs().maxCoeff(), 1e-15);
}

}  // namespace
}  // namespace genlab::test
