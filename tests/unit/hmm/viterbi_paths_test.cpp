// viterbi() has two implementations of its max-plus loops: hand-written AVX2 kernels
// (max_plus_kernels.h), used wherever the CPU has AVX2, and the Eigen loops of recursions.h.
// Both must give exactly the path and log-probability of viterbiTrace(), which keeps every
// back-pointer, over state counts that exercise every padding and remainder of the kernels'
// 4-lane vectors and 8/4/2/1-vector blocks, with zero transitions (-inf scores) and with ties
// built in, where the lowest index must win.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "core/models/hmm/max_plus_kernels.h"
#include "core/models/hmm/sampling.h"
#include "core/models/hmm/viterbi.h"
#include "hmm_test_models.h"

namespace genlab::hmm {
namespace {

// K = 1..9 covers every lane count of a first vector; 15/16/17, 31/33 and 64/65 sit on either
// side of the 4-, 8- and 16-vector block boundaries.
constexpr Index kStateCounts[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 33, 64, 65};

class KernelSwitch {
 public:
  explicit KernelSwitch(bool on) : m_before(kernels::maxPlusKernelsEnabled()) {
    kernels::setMaxPlusKernelsEnabled(on);
  }
  ~KernelSwitch() { kernels::setMaxPlusKernelsEnabled(m_before); }
  KernelSwitch(const KernelSwitch&) = delete;
  KernelSwitch& operator=(const KernelSwitch&) = delete;

 private:
  bool m_before;
};

// log P(x, path), summed directly from the model; a check on both implementations at once.
double jointLogProb(const HmmModel& model, const Observations& obs, const std::vector<int>& path) {
  double sum =
      std::log(model.start(path[0])) + std::log(testing::emissionDensity(model, obs, 0, path[0]));
  for (Index t = 1; t < obs.length(); ++t)
    sum += std::log(model.transition(path[t - 1], path[t])) +
           std::log(testing::emissionDensity(model, obs, t, path[t]));
  return sum;
}

// viterbi() with the kernels on (where the CPU has them) and off equals viterbiTrace() exactly.
void expectBothPathsMatchTrace(const HmmModel& model, const Observations& obs) {
  const ViterbiTrace trace = viterbiTrace(model, obs);
  for (const bool on : {true, false}) {
    const KernelSwitch use(on);
    SCOPED_TRACE(kernels::maxPlusKernelsEnabled() ? "AVX2 kernels" : "Eigen loops");
    const ViterbiResult fast = viterbi(model, obs);
    EXPECT_EQ(fast.path, trace.path);
    EXPECT_EQ(fast.logProb, trace.logProb);
  }
}

// Some transitions set to zero (log -inf), rows renormalised: a band around the diagonal plus
// the last state, so every state stays reachable.
void zeroSomeTransitions(HmmModel& model) {
  const Index k = model.states();
  for (Index i = 0; i < k; ++i)
    for (Index j = 0; j < k; ++j)
      if (std::abs(i - j) > 2 && j != k - 1) model.transition(i, j) = 0.0;
  renormalise(model);
}

TEST(ViterbiPaths, KernelsAndEigenLoopsEqualTraceAtEveryStateCount) {
  Rng rng(41);
  for (const Index k : kStateCounts) {
    SCOPED_TRACE("K " + std::to_string(k));
    for (int trial = 0; trial < 4; ++trial) {
      SCOPED_TRACE("trial " + std::to_string(trial));
      HmmModel model = trial == 3 ? testing::randomDiscreteModel(k, 5, rng)
                                  : testing::randomGaussianModel(k, 1 + trial % 2, rng);
      if (trial == 2) zeroSomeTransitions(model);
      const Observations obs = sample(model, 150 + 10 * trial, rng).observations;
      expectBothPathsMatchTrace(model, obs);
      const ViterbiResult vit = viterbi(model, obs);
      EXPECT_NEAR(vit.logProb, jointLogProb(model, obs, vit.path), 1e-9 * std::abs(vit.logProb));
    }
  }
}

TEST(ViterbiPaths, SingleObservation) {
  Rng rng(42);
  for (const Index k : kStateCounts) {
    SCOPED_TRACE("K " + std::to_string(k));
    const HmmModel model = testing::randomGaussianModel(k, 1, rng);
    expectBothPathsMatchTrace(model, sample(model, 1, rng).observations);
  }
}

// Every path has probability 0: all scores are -inf, and every argmax is a tie at -inf.
TEST(ViterbiPaths, ImpossibleSequenceTiesAtMinusInfinity) {
  HmmModel model = testing::casinoModel();
  model.emissionProbs.row(0) << 0.2, 0.2, 0.2, 0.2, 0.2, 0.0;
  model.emissionProbs.row(1) << 0.25, 0.25, 0.25, 0.25, 0.0, 0.0;
  const Observations obs = Observations::discrete({0, 1, 5, 2, 3});
  expectBothPathsMatchTrace(model, obs);
  const ViterbiResult vit = viterbi(model, obs);
  EXPECT_EQ(vit.logProb, -std::numeric_limits<double>::infinity());
  EXPECT_EQ(vit.path, std::vector<int>(5, 0));
}

// K states in G groups, state s in group s % G. Members of a group are exact copies: the same
// emission parameters, the same start and transition entries (A(s, s') depends only on the
// groups of s and s'), so their scores are bit-equal at every step and every argmax among them
// is a tie. The lowest index of each group is s < G, so the lowest-index rule keeps the whole
// path in states 0..G-1. The copies sit in other lanes and other vectors than their leader.
HmmModel modelWithCopies(Index k, Index groups, Rng& rng) {
  const HmmModel base = testing::randomGaussianModel(groups, 1, rng);
  const auto group = [groups](Index s) { return s % groups; };
  const auto copies = [k, groups](Index g) {
    return static_cast<double>((k - g + groups - 1) / groups);
  };
  HmmModel model;
  model.emission = EmissionKind::Gaussian;
  model.start.resize(k);
  model.transition.resize(k, k);
  model.means.resize(k, 1);
  model.variances.resize(k, 1);
  for (Index s = 0; s < k; ++s) {
    model.start(s) = base.start(group(s)) / copies(group(s));
    model.means(s, 0) = base.means(group(s), 0);
    model.variances(s, 0) = base.variances(group(s), 0);
    for (Index j = 0; j < k; ++j)
      model.transition(s, j) = base.transition(group(s), group(j)) / copies(group(j));
  }
  return model;
}

TEST(ViterbiPaths, TiesGoToTheLowestIndex) {
  Rng rng(43);
  struct Layout {
    Index k, groups;
  };
  for (const Layout layout : {Layout{2, 1}, Layout{4, 2}, Layout{8, 3}, Layout{9, 4}, Layout{17, 5},
                              Layout{33, 2}, Layout{64, 7}, Layout{65, 13}}) {
    SCOPED_TRACE("K " + std::to_string(layout.k) + " groups " + std::to_string(layout.groups));
    const HmmModel model = modelWithCopies(layout.k, layout.groups, rng);
    const Observations obs = sample(model, 200, rng).observations;
    expectBothPathsMatchTrace(model, obs);
    for (const bool on : {true, false}) {
      const KernelSwitch use(on);
      for (const int state : viterbi(model, obs).path) ASSERT_LT(state, layout.groups);
    }
  }
}

}  // namespace
}  // namespace genlab::hmm
