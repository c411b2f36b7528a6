#pragma once
// The likelihood figures of an RBM, each honest about what it is: log Z exact by enumeration
// when min(visible, hidden) <= exactBits, else estimated by AIS (with its standard error); the
// mean log-likelihood per image of a data set under that log Z; and the mean exact
// pseudo-likelihood, which needs no Z. Shared by `genlab fit rbm` and the lab's trainer.

#include <Eigen/Core>

#include "core/models/rbm/rbm_ais.h"
#include "core/models/rbm/rbm_model.h"

namespace genlab::rbm {

struct PartitionEstimate {
  double logPartition = 0.0;
  bool exact = true;
  double standardError = 0.0;  // AIS's, of logPartition; 0 when exact
};

// `baseData`: binary images whose pixel marginals make AIS's base model (the training set).
PartitionEstimate estimateLogPartition(const Rbm& rbm, const Eigen::MatrixXd& baseData,
                                       const AisSettings& ais, int exactBits = 20);

struct DataScore {
  double logLikelihood = 0.0;     // mean log p(v), nats per image
  double pseudoLikelihood = 0.0;  // mean sum_i log p(v_i | v_-i), nats per image
  double freeEnergy = 0.0;        // mean F(v)
};

DataScore scoreData(const Rbm& rbm, const Eigen::MatrixXd& v, double logPartition);

}  // namespace genlab::rbm
