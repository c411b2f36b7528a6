// The mixing-weights chart is a bar per component on a categorical axis: one tick under each
// bar, named 1..K as the scatter's legend names components, none between two bars.

#include "ui/views/gmm/gmm_weights_view.h"

#include <fstream>

#include "core/lesson/lesson.h"
#include "core/models/gmm/gmm_snapshot.h"
#include "core/models/registry.h"
#include "tests/ui/gl_fixture.h"

namespace genlab::test {
namespace {

using GmmWeightsViewTest = GlTest;

TEST_F(GmmWeightsViewTest, OneTickUnderEachBarNamedByItsComponent) {
  const auto file = std::filesystem::temp_directory_path() / "genlab_weights_test.json";
  std::ofstream(file) << R"({"title": "t", "model": "gmm",
    "dataset": {"kind": "blobs", "n": 300, "centers": [[-4, 0], [4, 1], [0, 5], [0, -5]],
                "std": 0.7},
    "settings": {"k": 4, "init": "kmeans++", "tol": 0}, "seed": 2})";
  const lesson::Lesson lesson = lesson::loadLesson(file);
  std::filesystem::remove(file);
  train::Session session([lesson](std::uint64_t seed) { return models::makeTrainer(lesson, seed); },
                         2);
  session.stepN(5);
  ASSERT_TRUE(session.waitUntilIdle(std::chrono::seconds(30)));
  const views::MetricsCache metrics;
  const ui::Style style = ui::Style::presentation();
  views::ViewContext context{session, session.latest(), false, metrics, style, lesson};

  views::GmmWeightsView view;
  view.update(context);
  for (const auto& [w, h] : {std::pair{600, 400}, std::pair{380, 260}}) {
    view.canvas().resize(w, h);
    view.canvas().render(style);
    const plot::Ticks& ticks = view.canvas().xTicks();
    EXPECT_EQ(ticks.values, (std::vector<double>{0, 1, 2, 3})) << w << "x" << h;
    EXPECT_EQ(ticks.labels, (std::vector<std::string>{"1", "2", "3", "4"})) << w << "x" << h;
  }
}

}  // namespace
}  // namespace genlab::test
