// Snapshots of one HMM share its sequence instead of copying it, and bytes() counts what each
// one owns: the T x K tables, not the shared observations.
#include <gtest/gtest.h>

#include <vector>

#include "core/models/hmm/hmm_trainer.h"
#include "core/models/hmm/sampling.h"
#include "core/util/rng.h"

namespace genlab::hmm {
namespace {

TEST(HmmSnapshotSharing, SnapshotsShareTheSequenceAndCountTheirTables) {
  HmmModel truth;
  truth.emission = EmissionKind::Discrete;
  truth.start = Eigen::Vector2d(0.5, 0.5);
  truth.transition = RowMatrix{{0.95, 0.05}, {0.1, 0.9}};
  truth.emissionProbs = RowMatrix{{0.5, 0.5}, {0.1, 0.9}};
  Rng rng(3);
  const Index T = 5000;
  SampledSequence sampled = sample(truth, T, rng);
  HmmTrainer trainer({{"states", 4}, {"symbols", 2}}, {sampled.observations}, 1, {sampled.path});
  const auto first = std::dynamic_pointer_cast<const HmmSnapshot>(trainer.snapshot());
  std::vector<double> metrics(2);
  trainer.step(metrics, {});
  const auto second = std::dynamic_pointer_cast<const HmmSnapshot>(trainer.snapshot());
  ASSERT_TRUE(first && second);
  ASSERT_NE(first, second);
  EXPECT_EQ(first->sequence, second->sequence);  // one copy of the observations
  EXPECT_EQ(first->sharedTruePath, second->sharedTruePath);
  EXPECT_EQ(second->observations().symbols, sampled.observations.symbols);
  EXPECT_EQ(second->truePath(), sampled.path);
  // alpha, beta, gamma: 3 x T x K doubles, and the Viterbi path; far less than twice that.
  const std::size_t tables = 3 * static_cast<std::size_t>(T) * 4 * sizeof(double);
  EXPECT_GE(second->bytes(), tables + static_cast<std::size_t>(T) * sizeof(int));
  EXPECT_LT(second->bytes(), 2 * tables);
}

}  // namespace
}  // namespace genlab::hmm
