#include "core/models/dbm/dbm_fit.h"

namespace genlab::dbm {

using Eigen::MatrixXd;

Dbm fitDbm(const MatrixXd& images, const FitSettings& settings, Rng& rng,
           const EpochCallback& afterEpoch) {
  Dbm dbm = pretrainGreedy(images, settings.greedy, rng);
  if (afterEpoch) afterEpoch(0, dbm);
  const int batch = settings.greedy.batch;
  JointTraining joint(settings.joint, settings.meanField, dbm, batch);
  const auto uniforms = rbm::uniformsFrom(rng);
  for (int epoch = 1; epoch <= settings.jointEpochs; ++epoch) {
    forEachMinibatch(images, shuffledOrder(images.rows(), rng), batch,
                     [&](const MatrixXd& rows) { joint.update(dbm, rows, uniforms); });
    if (afterEpoch) afterEpoch(epoch, dbm);
  }
  return dbm;
}

}  // namespace genlab::dbm
