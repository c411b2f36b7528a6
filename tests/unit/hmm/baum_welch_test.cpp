// Baum-Welch: monotone log-likelihood, and recovery of a known model from long samples.
#include "core/models/hmm/baum_welch.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "core/models/hmm/forward_backward.h"
#include "core/models/hmm/sampling.h"
#include "hmm_test_models.h"

namespace genlab::hmm {
namespace {

std::vector<Observations> sampleMany(const HmmModel& model, std::initializer_list<Index> lengths,
                                     Rng& rng) {
  std::vector<Observations> seqs;
  for (Index t : lengths) seqs.push_back(sample(model, t, rng).observations);
  return seqs;
}

void expectMonotone(HmmModel model, const std::vector<Observations>& seqs, int iterations) {
  BaumWelch bw;
  double previous = -std::numeric_limits<double>::infinity();
  for (int it = 0; it < iterations; ++it) {
    const double ll = bw.iterate(model, seqs);
    // Relative slack for rounding only: EM cannot decrease the likelihood.
    EXPECT_GE(ll, previous - 1e-10 * std::abs(previous)) << "iteration " << it;
    previous = ll;
  }
  double total = 0.0;
  for (const auto& s : seqs) total += logLikelihood(model, s);
  EXPECT_GE(total, previous - 1e-10 * std::abs(previous));
}

TEST(HmmBaumWelch, LogLikelihoodNeverDecreasesDiscrete) {
  for (std::uint64_t seed : {1u, 2u, 3u, 4u}) {
    Rng rng(seed);
    const HmmModel truth = testing::randomDiscreteModel(3, 5, rng);
    const auto seqs = sampleMany(truth, {300, 50, 7, 1}, rng);
    SCOPED_TRACE(seed);
    expectMonotone(randomModel(EmissionKind::Discrete, 3, 5, seqs, rng), seqs, 40);
  }
}

TEST(HmmBaumWelch, LogLikelihoodNeverDecreasesGaussian) {
  for (std::uint64_t seed : {5u, 6u, 7u, 8u}) {
    Rng rng(seed);
    const Index d = seed % 2 == 0 ? 1 : 2;
    const HmmModel truth = testing::randomGaussianModel(3, d, rng);
    const auto seqs = sampleMany(truth, {400, 120, 30}, rng);
    SCOPED_TRACE(seed);
    expectMonotone(randomModel(EmissionKind::Gaussian, 4, 0, seqs, rng), seqs, 40);
  }
}

// Index permutation perm[true state] = fitted state, matching by emission parameters.
std::vector<int> matchStates(const RowMatrix& truth, const RowMatrix& fitted) {
  std::vector<int> perm(static_cast<std::size_t>(truth.rows()));
  std::iota(perm.begin(), perm.end(), 0);
  std::vector<int> best = perm;
  double bestCost = std::numeric_limits<double>::infinity();
  do {
    double cost = 0.0;
    for (Index i = 0; i < truth.rows(); ++i) cost += (truth.row(i) - fitted.row(perm[i])).norm();
    if (cost < bestCost) {
      bestCost = cost;
      best = perm;
    }
  } while (std::next_permutation(perm.begin(), perm.end()));
  return best;
}

void expectTransitionsClose(const HmmModel& truth, const HmmModel& fit, const std::vector<int>& p,
                            double tol) {
  for (Index i = 0; i < truth.states(); ++i)
    for (Index j = 0; j < truth.states(); ++j)
      EXPECT_NEAR(fit.transition(p[i], p[j]), truth.transition(i, j), tol) << i << "," << j;
}

TEST(HmmBaumWelch, RecoversGaussianModelUpToPermutation) {
  Rng rng(31);
  HmmModel truth;
  truth.emission = EmissionKind::Gaussian;
  truth.start = Eigen::Vector3d(0.3, 0.3, 0.4);
  truth.transition.resize(3, 3);
  truth.transition << 0.90, 0.07, 0.03, 0.05, 0.90, 0.05, 0.10, 0.10, 0.80;
  truth.means.resize(3, 2);
  truth.means << -4.0, 0.0, 0.0, 3.0, 4.0, -1.0;
  truth.variances.resize(3, 2);
  truth.variances << 1.0, 0.5, 0.7, 1.0, 1.5, 0.8;
  const auto seqs = sampleMany(truth, {20000, 20000}, rng);
  HmmModel fit = randomModel(EmissionKind::Gaussian, 3, 0, seqs, rng);
  BaumWelch bw;
  for (int it = 0; it < 200; ++it) bw.iterate(fit, seqs);
  const std::vector<int> p = matchStates(truth.means, fit.means);
  for (Index i = 0; i < 3; ++i) {
    EXPECT_LT((fit.means.row(p[i]) - truth.means.row(i)).cwiseAbs().maxCoeff(), 0.05);
    EXPECT_LT((fit.variances.row(p[i]) - truth.variances.row(i)).cwiseAbs().maxCoeff(), 0.08);
  }
  expectTransitionsClose(truth, fit, p, 0.02);
}

TEST(HmmBaumWelch, RecoversDiscreteModelUpToPermutation) {
  Rng rng(32);
  HmmModel truth;
  truth.emission = EmissionKind::Discrete;
  truth.start = Eigen::Vector2d(0.5, 0.5);
  truth.transition.resize(2, 2);
  truth.transition << 0.9, 0.1, 0.2, 0.8;
  truth.emissionProbs.resize(2, 3);
  truth.emissionProbs << 0.7, 0.2, 0.1, 0.1, 0.2, 0.7;
  const auto seqs = sampleMany(truth, {50000}, rng);
  HmmModel fit = randomModel(EmissionKind::Discrete, 2, 3, seqs, rng);
  BaumWelch bw;
  for (int it = 0; it < 500; ++it) bw.iterate(fit, seqs);
  const std::vector<int> p = matchStates(truth.emissionProbs, fit.emissionProbs);
  for (Index i = 0; i < 2; ++i)
    EXPECT_LT((fit.emissionProbs.row(p[i]) - truth.emissionProbs.row(i)).cwiseAbs().maxCoeff(),
              0.03);
  expectTransitionsClose(truth, fit, p, 0.03);
}

TEST(HmmBaumWelch, SingleObservationSequencesLeaveTransitionsAlone) {
  // T = 1 gives no transition counts: rows keep their old values instead of 0/0.
  Rng rng(33);
  HmmModel model = testing::randomDiscreteModel(2, 3, rng);
  const RowMatrix before = model.transition;
  std::vector<Observations> seqs = {Observations::discrete({0}), Observations::discrete({2})};
  BaumWelch().iterate(model, seqs);
  EXPECT_EQ(model.transition, before);
  EXPECT_TRUE(model.emissionProbs.allFinite());
}

}  // namespace
}  // namespace genlab::hmm
