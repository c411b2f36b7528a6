// Joint training on binarised 8x8 digits raises the exact held-out log-likelihood of the
// greedily pretrained DBM (log Z enumerated over 2^16 h1 states, log p*(v) over 2^8 h2 states).

#include <gtest/gtest.h>

#include "core/data/binary_images.h"
#include "core/data/image_datasets.h"
#include "core/models/dbm/dbm_fit.h"
#include "core/models/dbm/dbm_likelihood.h"

namespace genlab::dbm {
namespace {

TEST(DbmTraining, JointTrainingRaisesExactHeldOutLikelihoodOverGreedyStart) {
  if (data::sklearnDigitsPath().empty()) GTEST_SKIP() << "python3-sklearn's digits missing";
  Rng dataRng(1);
  const data::ImageSplit split = data::makeImageDatasets(
      {{"kind", "digits"}, {"test", 297}, {"binarize", "threshold"}}, dataRng, {});
  const Eigen::MatrixXd train = data::imagesAsRows(split.train);
  const Eigen::MatrixXd test = data::imagesAsRows(split.test);

  Rng rng(7);
  FitSettings fit;
  fit.greedy.hidden1 = 16;
  fit.greedy.hidden2 = 8;
  fit.greedy.epochs = 20;
  fit.jointEpochs = 20;
  LikelihoodSettings exact;
  exact.ais.threads = 2;
  LikelihoodScore before;
  const Dbm dbm = fitDbm(train, fit, rng, [&](int epoch, const Dbm& model) {
    if (epoch == 0) before = scoreLikelihood(model, test, train, exact);
  });
  ASSERT_EQ(before.kind, FigureKind::Exact);
  const LikelihoodScore after = scoreLikelihood(dbm, test, train, exact);
  RecordProperty("greedy", std::to_string(before.logLikelihood));
  RecordProperty("joint", std::to_string(after.logLikelihood));
  std::printf("greedy %.3f (bound %.3f)  joint %.3f (bound %.3f) nats per image\n",
              before.logLikelihood, before.meanFieldBound, after.logLikelihood,
              after.meanFieldBound);
  EXPECT_GT(after.logLikelihood, before.logLikelihood + 1.0);
}

}  // namespace
}  // namespace genlab::dbm
