// The HMM lesson's views rendered offscreen and checked by measurable properties: the Viterbi
// path is drawn where it is, a long sequence draws only its visible window, and an edited
// matrix row stays a distribution all the way to the trainer.

#include <gtest/gtest.h>

#include <cmath>

#include "core/models/hmm/hmm_trainer.h"
#include "core/models/hmm/sampling.h"
#include "gl_fixture.h"
#include "ui/views/hmm/hmm_labels.h"
#include "ui/views/hmm/hmm_trellis_view.h"
#include "ui/views/hmm/param_edit.h"
#include "ui/views/hmm/time_window.h"
#include "ui/views/hmm/trellis_teaching.h"

using namespace genlab;
using test::colorDistance;
namespace hmmui = genlab::views::hmmui;

namespace {

hmm::HmmModel casino() {
  hmm::HmmModel m;
  m.emission = hmm::EmissionKind::Discrete;
  m.start = Eigen::Vector2d(0.5, 0.5);
  m.transition.resize(2, 2);
  m.transition << 0.95, 0.05, 0.1, 0.9;
  m.emissionProbs.resize(2, 6);
  m.emissionProbs.row(0).setConstant(1.0 / 6.0);
  m.emissionProbs.row(1) << 0.1, 0.1, 0.1, 0.1, 0.1, 0.5;
  return m;
}

nlohmann::json givenSettings(const hmm::HmmModel& model) {
  nlohmann::json model_json = {{"emission", "discrete"},
                               {"start", {model.start(0), model.start(1)}},
                               {"transition", {{0.95, 0.05}, {0.1, 0.9}}},
                               {"emission_probs", nlohmann::json::array()}};
  for (int i = 0; i < 2; ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (int m = 0; m < 6; ++m) row.push_back(model.emissionProbs(i, m));
    model_json["emission_probs"].push_back(row);
  }
  return {{"states", 2}, {"init", "given"}, {"model", model_json}};
}

std::unique_ptr<hmm::HmmTrainer> trainerFor(std::vector<int> rolls) {
  std::vector<hmm::Observations> seqs{hmm::Observations::discrete(std::move(rolls))};
  return std::make_unique<hmm::HmmTrainer>(givenSettings(casino()), std::move(seqs), 1);
}

class HmmTrellis : public test::GlTest {};

}  // namespace

// Twenty rolls, a run of sixes in the middle: the Viterbi path goes Fair -> Loaded -> Fair. The
// path line is drawn between consecutive path nodes (in the foreground colour) and nowhere
// between nodes off the path.
TEST_F(HmmTrellis, ViterbiPathIsDrawnBetweenItsNodesOnly) {
  auto trainer = trainerFor({0, 2, 4, 1, 3, 0, 2, 5, 5, 5, 5, 5, 5, 5, 5, 2, 0, 3, 1, 4});
  const auto snapshot = std::dynamic_pointer_cast<const hmm::HmmSnapshot>(trainer->snapshot());
  ASSERT_TRUE(snapshot);
  const auto& path = snapshot->viterbiPath;
  ASSERT_EQ(path.front(), 0);
  ASSERT_EQ(path[10], 1);
  ASSERT_EQ(path.back(), 0);

  views::HmmTrellisView view({"Fair", "Loaded"}, {});
  view.options.flow = false;
  view.canvas().resize(900, 420);
  const ui::Style style = ui::Style::normal();
  const auto g = view.paint(*snapshot, style);
  ASSERT_TRUE(view.lastStats().discs);
  EXPECT_EQ(view.lastStats().columns, 20);
  const gl::ImageRgba image = view.canvas().readPixels();
  const auto fg = style.palette.foreground.toRgba8();
  int checked = 0;
  for (int t = 0; t + 1 < 20; ++t) {
    if (path[static_cast<std::size_t>(t)] != path[static_cast<std::size_t>(t + 1)]) continue;
    const int on = path[static_cast<std::size_t>(t)];
    const int x = static_cast<int>(g.xOf(t + 1.0));  // halfway between the two node centres
    const int yOn = static_cast<int>(g.rowCenter(hmmui::displayRow(view.labels(), on)));
    const int yOff = static_cast<int>(g.rowCenter(hmmui::displayRow(view.labels(), 1 - on)));
    EXPECT_LE(colorDistance(image.at(x, yOn), fg.r, fg.g, fg.b), 40) << "t=" << t;
    EXPECT_GT(colorDistance(image.at(x, yOff), fg.r, fg.g, fg.b), 80) << "t=" << t;
    ++checked;
  }
  EXPECT_GE(checked, 15);
}

// T = 1e5: whatever the window, at most about one column per pixel is drawn.
TEST_F(HmmTrellis, LongSequenceDrawsOnlyTheVisibleWindow) {
  Rng rng(5);
  const hmm::SampledSequence seq = hmm::sample(casino(), 100000, rng);
  auto trainer = trainerFor(seq.observations.symbols);
  const auto snapshot = std::dynamic_pointer_cast<const hmm::HmmSnapshot>(trainer->snapshot());
  views::HmmTrellisView view({}, {});
  view.canvas().resize(1000, 500);
  const ui::Style style = ui::Style::normal();

  view.paint(*snapshot, style);  // the default window: the start of the sequence
  EXPECT_LE(view.lastStats().columns, 1000);
  EXPECT_LT(view.window().width(), 2000.0);

  view.window() = {0.0, 100000.0};  // all of it: every stride-th column
  view.paint(*snapshot, style);
  EXPECT_GT(view.lastStats().stride, 1);
  EXPECT_LE(view.lastStats().nodes, 2 * 1001);

  view.window() = {50000.0, 50020.0};  // zoomed in: discs, 20 columns and a neighbour each side
  view.paint(*snapshot, style);
  EXPECT_TRUE(view.lastStats().discs);
  EXPECT_LE(view.lastStats().columns, 22);
}

TEST(HmmParamEdit, WithEntryKeepsTheRowADistribution) {
  const std::vector<double> row{0.7, 0.2, 0.1};
  const auto edited = hmmui::withEntry(row, 0, 0.4);
  EXPECT_DOUBLE_EQ(edited[0], 0.4);
  EXPECT_NEAR(edited[1], 0.4, 1e-12);
  EXPECT_NEAR(edited[2], 0.2, 1e-12);
  const auto all = hmmui::withEntry(std::vector<double>{1.0, 0.0, 0.0}, 0, 0.5);
  EXPECT_NEAR(all[1], 0.25, 1e-12);  // the others were all 0: they share the rest equally
  EXPECT_NEAR(hmmui::withEntry(row, 2, 7.0)[2], 1.0, 1e-12);  // clamped
}

// The path a drag takes: withEntry, then an edit posted through CoalescedEdits to a running
// session; the published model has the new row, summing to 1.
TEST(HmmParamEdit, EditedTransitionRowReachesTheTrainerRenormalised) {
  train::Session session([](std::uint64_t) { return trainerFor({0, 5, 5, 1, 2, 5}); }, 1);
  hmmui::CoalescedEdits edits;
  const std::vector<double> row = hmmui::withEntry(std::vector<double>{0.95, 0.05}, 1, 0.3);
  edits.submit(
      [row](train::Trainer& t) { dynamic_cast<hmm::HmmTrainer&>(t).setTransitionRow(0, row); });
  EXPECT_TRUE(edits.busy());
  edits.flush(session);
  ASSERT_TRUE(session.waitUntilIdle(std::chrono::seconds(10)));
  for (int i = 0; i < 200 && edits.busy(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_FALSE(edits.busy());
  const auto snapshot = std::dynamic_pointer_cast<const hmm::HmmSnapshot>(session.latest());
  ASSERT_TRUE(snapshot);
  EXPECT_NEAR(snapshot->model.transition(0, 1), 0.3, 1e-12);
  EXPECT_NEAR(snapshot->model.transition.row(0).sum(), 1.0, 1e-12);
}

TEST(HmmLabels, LearnedStatesAreMatchedToTheTruth) {
  const std::vector<int> truth{0, 0, 1, 1, 1, 0};
  const std::vector<int> swapped{1, 1, 0, 0, 0, 1};
  EXPECT_EQ(hmmui::alignStates(swapped, truth, 2), (std::vector<int>{1, 0}));
  EXPECT_EQ(hmmui::alignStates(truth, truth, 2), (std::vector<int>{0, 1}));
  std::vector<int> big(20), bigTruth(20);
  for (int t = 0; t < 20; ++t) {
    bigTruth[static_cast<std::size_t>(t)] = t % 9;
    big[static_cast<std::size_t>(t)] = (t % 9 + 1) % 9;  // greedy path (K > 7)
  }
  const auto match = hmmui::alignStates(big, bigTruth, 9);
  for (int a = 0; a < 9; ++a) EXPECT_EQ(match[static_cast<std::size_t>(a)], (a + 8) % 9);
}

TEST(HmmTimeWindow, ZoomAndShiftStayInsideTheSequence) {
  hmmui::TimeWindow w{0.0, 100.0};
  w.zoom(4.0, 50.0, 100);
  EXPECT_NEAR(w.width(), 25.0, 1e-9);
  EXPECT_NEAR(w.begin, 37.5, 1e-9);
  w.shift(1000.0, 100);
  EXPECT_DOUBLE_EQ(w.end, 100.0);
  w.zoom(1e-6, 10.0, 100);  // zooming far out stops at the whole sequence
  EXPECT_DOUBLE_EQ(w.begin, 0.0);
  EXPECT_DOUBLE_EQ(w.end, 100.0);
  w.zoom(1e6, 10.0, 100);  // and far in at a few columns
  EXPECT_NEAR(w.width(), hmmui::TimeWindow::kMinColumns, 1e-9);
  w.reveal(90, 100);
  EXPECT_GE(w.end, 91.0);
}

// The step-through ends where the trainer's own tables are: the forward pass at its alpha, the
// Viterbi back-trace at its path; and the shading only covers the columns done so far.
TEST(HmmTeaching, StepThroughEndsAtTheSnapshotsTables) {
  auto trainer = trainerFor({0, 2, 5, 5, 5, 1, 5, 3});
  const auto snapshot = std::dynamic_pointer_cast<const hmm::HmmSnapshot>(trainer->snapshot());
  hmmui::TrellisTeaching teaching;
  teaching.start(hmmui::TeachingMode::Forward, *snapshot);
  teaching.speed = 4.0;
  teaching.update(0.8);  // 3.2 columns' worth: 3 done
  hmmui::TrellisData data;
  teaching.describe(data);
  EXPECT_EQ(data.filledColumns, 3);
  EXPECT_EQ(data.cursor, 2);
  teaching.finish();
  teaching.describe(data);
  ASSERT_EQ(data.filledColumns, 8);
  EXPECT_LT((*data.fill - snapshot->alpha).cwiseAbs().maxCoeff(), 1e-9);

  teaching.start(hmmui::TeachingMode::Viterbi, *snapshot);
  for (int i = 0; i < 8 + 3; ++i) teaching.stepOnce();  // the sweep, then 3 back-trace steps
  teaching.describe(data);
  ASSERT_NE(data.path, nullptr);
  EXPECT_EQ(data.path->front(), -1);  // not traced yet
  EXPECT_EQ(data.path->back(), snapshot->viterbiPath.back());
  teaching.finish();
  teaching.describe(data);
  EXPECT_EQ(*data.path, snapshot->viterbiPath);
}
