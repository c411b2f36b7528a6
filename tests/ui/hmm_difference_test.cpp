// Compare mode's HMM difference: run B's states matched to run A's before subtracting.

#include <gtest/gtest.h>

#include "ui/views/hmm/hmm_params_view.h"

namespace genlab::test {
namespace {

hmm::HmmModel casino(double stay, double loadedSix) {
  hmm::HmmModel m;
  m.emission = hmm::EmissionKind::Discrete;
  m.start = Eigen::VectorXd(2);
  m.start << 0.7, 0.3;
  m.transition = hmm::RowMatrix(2, 2);
  m.transition << stay, 1 - stay, 0.2, 0.8;
  m.emissionProbs = hmm::RowMatrix(2, 3);
  m.emissionProbs << 1.0 / 3, 1.0 / 3, 1.0 / 3, (1 - loadedSix) / 2, (1 - loadedSix) / 2, loadedSix;
  return m;
}

// The same model with its two states listed the other way round.
hmm::HmmModel swapped(const hmm::HmmModel& m) {
  hmm::HmmModel s = m;
  s.start << m.start(1), m.start(0);
  s.transition << m.transition(1, 1), m.transition(1, 0), m.transition(0, 1), m.transition(0, 0);
  s.emissionProbs.row(0) = m.emissionProbs.row(1);
  s.emissionProbs.row(1) = m.emissionProbs.row(0);
  return s;
}

TEST(HmmDifference, StatesNamedTheOtherWayRoundAreMatchedAndCancel) {
  const hmm::HmmModel a = casino(0.95, 0.5);
  const hmm::HmmModel b = swapped(a);
  const std::vector<int> order = views::matchStates(a, b);
  EXPECT_EQ(order, (std::vector<int>{1, 0}));
  const hmm::HmmModel d = views::modelDifference(a, b, order);
  EXPECT_NEAR(d.start.cwiseAbs().maxCoeff(), 0.0, 1e-15);
  EXPECT_NEAR(d.transition.cwiseAbs().maxCoeff(), 0.0, 1e-15);
  EXPECT_NEAR(d.emissionProbs.cwiseAbs().maxCoeff(), 0.0, 1e-15);
}

TEST(HmmDifference, ARealDifferenceRemainsWithItsSign) {
  const hmm::HmmModel a = casino(0.95, 0.5);
  const hmm::HmmModel b = swapped(casino(0.90, 0.4));
  const std::vector<int> order = views::matchStates(a, b);
  ASSERT_EQ(order, (std::vector<int>{1, 0}));
  const hmm::HmmModel d = views::modelDifference(a, b, order);
  EXPECT_NEAR(d.transition(0, 0), 0.05, 1e-12);    // A stays more
  EXPECT_NEAR(d.emissionProbs(1, 2), 0.1, 1e-12);  // A's loaded die shows six more often
  EXPECT_NEAR(d.emissionProbs(0, 0), 0.0, 1e-12);  // the fair dice agree
}

}  // namespace
}  // namespace genlab::test
