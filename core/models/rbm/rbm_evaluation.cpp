#include "core/models/rbm/rbm_evaluation.h"

#include "core/models/rbm/rbm_partition.h"
#include "core/models/rbm/rbm_pseudo_likelihood.h"

namespace genlab::rbm {

PartitionEstimate estimateLogPartition(const Rbm& rbm, const Eigen::MatrixXd& baseData,
                                       const AisSettings& ais, int exactBits) {
  PartitionEstimate out;
  if (exactFeasible(rbm, exactBits)) {
    out.logPartition = exactLogPartition(rbm, Enumerate::Smaller, ais.threads);
    return out;
  }
  const AisResult result = annealedLogPartition(rbm, baseRateBias(baseData), ais);
  out.logPartition = result.logPartition;
  out.exact = false;
  out.standardError = result.standardError;
  return out;
}

DataScore scoreData(const Rbm& rbm, const Eigen::MatrixXd& v, double logPartition) {
  DataScore out;
  if (v.rows() == 0) return out;
  const Eigen::VectorXd energy = freeEnergy(rbm, v);
  out.freeEnergy = energy.mean();
  out.logLikelihood = -out.freeEnergy - logPartition;
  out.pseudoLikelihood = pseudoLogLikelihood(rbm, v).mean();
  return out;
}

}  // namespace genlab::rbm
