#include "core/math/projection_job.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "../unit/tsne/tsne_test_util.h"
#include "core/math/pca.h"

namespace genlab::math {
namespace {

using Job = ProjectionJob;

// Waits (bounded, not timed) until the job has published the final result of `generation`.
std::shared_ptr<const Job::Result> waitForFinal(const Job& job, std::uint64_t generation) {
  for (int i = 0; i < 12000; ++i) {
    auto latest = job.latest();
    if (latest && latest->generation == generation && latest->final) return latest;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return nullptr;
}

TsneOptions quickOptions() {
  TsneOptions options;
  options.threads = 1;
  options.iterations = 500;
  return options;
}

TEST(ProjectionJob, PcaIsThePrincipalPlane) {
  Job job(quickOptions());
  auto x = std::make_shared<const RowMatrixXd>(test::gaussianClusters(3, 50, 6, 4.0, 31));
  const auto g = job.submit(x, Job::Method::kPca, 1);
  const auto result = waitForFinal(job, g);
  ASSERT_TRUE(result);
  const Eigen::MatrixXd data = *x;
  EXPECT_LT((result->points - Embedding(pcaProjection(data).points(data))).norm(), 1e-12);
}

TEST(ProjectionJob, TsneSeparatesClustersAndWarmStartsOnTheSamePoints) {
  Job job(quickOptions(), 100);
  std::vector<int> labels;
  auto x = std::make_shared<const RowMatrixXd>(test::gaussianClusters(3, 100, 8, 6.0, 32, &labels));
  const auto first = waitForFinal(job, job.submit(x, Job::Method::kTsne, 7));
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->warmStarted);
  EXPECT_EQ(first->iteration, 500);
  EXPECT_GT(test::neighbourLabelAgreement(first->points, labels, 10), 0.95);

  // The same points moved a little (training went on): a warm start that keeps the picture.
  auto moved = std::make_shared<RowMatrixXd>(*x);
  *moved *= 1.02;
  const auto second = waitForFinal(job, job.submit(moved, Job::Method::kTsne, 7));
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->warmStarted);
  EXPECT_EQ(second->iterations, 100);
  const double size = (first->points.rowwise() - first->points.colwise().mean()).norm();
  EXPECT_LT((second->points - first->points).norm(), 0.2 * size);

  // Other points (a different key): from scratch.
  const auto third = waitForFinal(job, job.submit(x, Job::Method::kTsne, 8));
  ASSERT_TRUE(third);
  EXPECT_FALSE(third->warmStarted);
}

TEST(ProjectionJob, NewestSubmissionWins) {
  Job job(quickOptions());
  auto a = std::make_shared<const RowMatrixXd>(test::gaussianClusters(3, 300, 8, 6.0, 33));
  auto b = std::make_shared<const RowMatrixXd>(test::gaussianClusters(2, 20, 4, 6.0, 34));
  job.submit(a, Job::Method::kTsne, 1);
  const auto g = job.submit(b, Job::Method::kPca, 2);  // stops the t-SNE run of a
  const auto result = waitForFinal(job, g);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->points.rows(), 40);
  EXPECT_EQ(job.generation(), g);
}

TEST(ProjectionJob, BadInputIsReportedNotThrown) {
  Job job(quickOptions());
  auto tiny = std::make_shared<const RowMatrixXd>(test::gaussianClusters(1, 5, 3, 1.0, 35));
  job.submit(tiny, Job::Method::kTsne, 1);  // perplexity 30 needs more than 31 points
  std::string error;
  for (int i = 0; i < 2000 && error.empty(); ++i) {
    error = job.error();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_NE(error.find("perplexity"), std::string::npos) << error;
}

TEST(ProjectionJob, DestructionStopsARunningTsne) {
  // Destroying the job mid-run returns (the stop token reaches the optimiser); a job that
  // ignored it would block here for the whole run, which the suite's timeout would catch.
  auto x = std::make_shared<const RowMatrixXd>(test::gaussianClusters(3, 1000, 8, 6.0, 36));
  TsneOptions options;
  options.threads = 1;
  options.iterations = 100000;
  auto job = std::make_unique<Job>(options);
  job->submit(x, Job::Method::kTsne, 1);
  while (!job->latest()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  job.reset();
  SUCCEED();
}

}  // namespace
}  // namespace genlab::math
