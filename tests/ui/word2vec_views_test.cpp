// The one-update view draws what the last update did: one category per output word (the true
// word first, then the noise words in the order drawn), bars at sigma before and after, and a
// labelled arrow for h and for each u whose tail is where the vector was.

#include "core/lesson/lesson.h"
#include "core/models/registry.h"
#include "core/models/word2vec/word2vec_run_snapshot.h"
#include "tests/ui/gl_fixture.h"
#include "ui/plot/line_layer.h"
#include "ui/plot/rect_layer.h"
#include "ui/views/word2vec/one_update_view.h"

namespace genlab::test {
namespace {

using Word2VecViewsTest = GlTest;

TEST_F(Word2VecViewsTest, OneUpdateBarsAndArrowsFollowTheSnapshot) {
  const lesson::Lesson lesson = lesson::loadLesson(std::string(GENLAB_SOURCE_DIR) +
                                                   "/assets/lessons/word2vec_one_update.json");
  train::Session session([lesson](std::uint64_t seed) { return models::makeTrainer(lesson, seed); },
                         1);
  session.stepN(300);
  ASSERT_TRUE(session.waitUntilIdle(std::chrono::seconds(30)));
  const auto snapshot =
      std::dynamic_pointer_cast<const word2vec::Word2VecRunSnapshot>(session.latest());
  ASSERT_TRUE(snapshot);
  const word2vec::PairUpdate& u = snapshot->model.lastUpdate;
  ASSERT_GE(u.target, 0);
  const views::MetricsCache metrics;
  const ui::Style style = ui::Style::normal();
  views::ViewContext context{session, session.latest(), false, metrics, style, lesson};

  views::OneUpdateView view;
  view.update(context);
  view.bars().resize(700, 500);
  view.bars().render(style);
  const auto& words = *snapshot->model.words;
  std::vector<std::string> expected{words[static_cast<std::size_t>(u.target)]};
  for (const int n : u.negatives) expected.push_back(words[static_cast<std::size_t>(n)]);
  EXPECT_EQ(view.bars().xTicks().labels, expected);

  // Two bars per category: before then after, at the sigma values.
  const auto* rects = dynamic_cast<const plot::RectLayer*>(view.bars().layers()[0].get());
  ASSERT_TRUE(rects);
  ASSERT_EQ(rects->rects().size(), 2 * expected.size());
  EXPECT_FLOAT_EQ(static_cast<float>(rects->rects()[0].rect.yMax), u.positiveBefore);
  EXPECT_FLOAT_EQ(static_cast<float>(rects->rects()[1].rect.yMax), u.positiveAfter);
  for (std::size_t k = 0; k < u.negatives.size(); ++k) {
    EXPECT_FLOAT_EQ(static_cast<float>(rects->rects()[2 + 2 * k].rect.yMax), u.negativeBefore[k]);
    EXPECT_FLOAT_EQ(static_cast<float>(rects->rects()[3 + 2 * k].rect.yMax), u.negativeAfter[k]);
  }

  // Arrows: a shaft and a head per moved vector (h, then each u), each shaft long by the
  // magnification times the projected move, labelled at its tip.
  const auto* lines = dynamic_cast<const plot::LineLayer*>(view.arrows().layers()[0].get());
  ASSERT_TRUE(lines);
  EXPECT_EQ(lines->polylines().size(), 2 * (1 + expected.size()));
  EXPECT_GE(view.magnification(), 1.0);
  view.arrows().resize(700, 500);
  view.arrows().render(style);
  std::vector<std::string> texts;
  for (const auto& t : view.arrows().texts()) texts.push_back(t.text);
  const std::string h = words[static_cast<std::size_t>(u.inputs[0])] + " (h)";
  EXPECT_NE(std::find(texts.begin(), texts.end(), h), texts.end()) << h;
  EXPECT_NE(std::find(texts.begin(), texts.end(), expected[0] + " (u)"), texts.end());
}

}  // namespace
}  // namespace genlab::test
