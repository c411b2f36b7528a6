#include "core/math/tsne_affinities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/util/errors.h"
#include "tsne_test_util.h"

namespace genlab::math {
namespace {

TEST(TsneAffinities, VpTreeAndBlockedSearchFindTheBruteForceNeighbours) {
  // Clustered data with exact duplicates: ties and zero distances must not confuse the tree.
  RowMatrixXd x = test::gaussianClusters(4, 100, 7, 3.0, 11);
  x.row(5) = x.row(17);
  x.row(6) = x.row(17);
  const int k = 12;
  for (const auto search : {NeighbourSearch::kVpTree, NeighbourSearch::kBruteForce}) {
    const KnnGraph graph = nearestNeighbours(x, k, 2, search);
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      std::vector<double> all;
      for (Eigen::Index j = 0; j < x.rows(); ++j)
        if (j != i) all.push_back((x.row(i) - x.row(j)).squaredNorm());
      std::sort(all.begin(), all.end());
      for (int r = 0; r < k; ++r) {
        // Distances match rank by rank (indices may swap among equal distances).
        ASSERT_NEAR(graph.sqDistance(i, r), all[static_cast<std::size_t>(r)], 1e-9)
            << i << "," << r;
        const int j = graph.index(i, r);
        ASSERT_NE(j, i);
        ASSERT_NEAR((x.row(i) - x.row(j)).squaredNorm(), graph.sqDistance(i, r), 1e-9);
      }
    }
  }
}

TEST(TsneAffinities, CalibrationHitsTheTargetPerplexityOnEveryRow) {
  const RowMatrixXd x = test::gaussianClusters(3, 200, 10, 5.0, 3);
  for (double perplexity : {5.0, 30.0, 50.0}) {
    const int k = neighbourCount(static_cast<int>(x.rows()), perplexity);
    EXPECT_EQ(k, static_cast<int>(3 * perplexity + 1));
    const KnnGraph graph = nearestNeighbours(x, k, 1);
    std::vector<double> p(static_cast<std::size_t>(k));
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const double beta = calibrateRow(&graph.sqDistance(i, 0), k, perplexity, p.data());
      EXPECT_GT(beta, 0.0);
      double sum = 0.0;
      for (double v : p) sum += v;
      ASSERT_NEAR(sum, 1.0, 1e-12);
      // Nearer neighbours get more probability (beta > 0).
      for (int j = 1; j < k; ++j)
        ASSERT_LE(p[static_cast<std::size_t>(j)], p[static_cast<std::size_t>(j - 1)] + 1e-15);
      const double achieved = std::exp(rowEntropy(p.data(), k));
      ASSERT_NEAR(achieved / perplexity, 1.0, 1e-5) << "row " << i << " perplexity " << perplexity;
    }
  }
}

TEST(TsneAffinities, CalibrationOfAHandWorkedRow) {
  // Two neighbours at squared distances 0 and 1: p = (1, e^-b) / (1 + e^-b). Perplexity 1.5
  // fixes the entropy; check that the returned beta reproduces it.
  const double d[2] = {0.0, 1.0};
  double p[2];
  const double beta = calibrateRow(d, 2, 1.5, p);
  const double e = std::exp(-beta);
  EXPECT_NEAR(p[0], 1.0 / (1.0 + e), 1e-12);
  EXPECT_NEAR(p[1], e / (1.0 + e), 1e-12);
  EXPECT_NEAR(std::exp(rowEntropy(p, 2)), 1.5, 1e-8);
}

TEST(TsneAffinities, JointPIsSymmetricAndSumsToOne) {
  const RowMatrixXd x = test::gaussianClusters(3, 50, 5, 4.0, 9);
  for (const SparseAffinities& p :
       {jointAffinitiesKnn(x, 10.0, 2), jointAffinitiesExact(x, 10.0)}) {
    std::map<std::pair<int, int>, double> entries;
    double total = 0.0;
    for (int i = 0; i < p.n; ++i) {
      for (int e = p.rowStart[static_cast<std::size_t>(i)];
           e < p.rowStart[static_cast<std::size_t>(i) + 1]; ++e) {
        const int j = p.col[static_cast<std::size_t>(e)];
        ASSERT_NE(i, j);
        if (e > p.rowStart[static_cast<std::size_t>(i)]) {
          ASSERT_GT(j, p.col[static_cast<std::size_t>(e - 1)]);
        }
        entries[{i, j}] = p.val[static_cast<std::size_t>(e)];
        total += p.val[static_cast<std::size_t>(e)];
      }
    }
    EXPECT_NEAR(total, 1.0, 1e-12);
    for (const auto& [ij, v] : entries) {
      const auto other = entries.find({ij.second, ij.first});
      ASSERT_NE(other, entries.end());
      ASSERT_DOUBLE_EQ(other->second, v);
    }
  }
}

TEST(TsneAffinities, BadSettingsNameTheKey) {
  const RowMatrixXd x = test::gaussianClusters(1, 10, 3, 1.0, 1);
  EXPECT_THROW(jointAffinitiesKnn(x, 9.0), ConfigError);  // perplexity must be below N - 1
  EXPECT_THROW(jointAffinitiesKnn(x, 0.0), ConfigError);
  try {
    jointAffinitiesExact(x, 20.0);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("perplexity"), std::string::npos);
  }
}

}  // namespace
}  // namespace genlab::math
