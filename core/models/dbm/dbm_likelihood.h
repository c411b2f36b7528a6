#pragma once
// The likelihood of a two-layer DBM, each figure honest about what it is.
//
// log Z, exactly: the DBM is an RBM over (v, h2) against h1 (dbm_model.h), so
//
//   log Z = logsumexp over h1 of [c1'h1 + sum_i softplus((W1 h1 + b)_i)
//                                       + sum_k softplus((W2' h1 + c2)_k)]
//
// which is rbm::exactLogPartition of the stacked RBM enumerating its hidden layer h1 (or (v, h2)
// when that is smaller). Threaded.
//
// log Z, estimated: annealed importance sampling of the stacked RBM (rbm_ais.h) with h1 summed
// out analytically at every temperature, the base model independent v units at the data's
// smoothed pixel rates and independent fair-coin h2 units; its transitions are the DBM's
// layer-wise Gibbs sweep (h1 given v and h2, then v and h2 given h1). As in Salakhutdinov and
// Hinton 2009, section 4.
//
// log p*(v) = log sum over h1, h2 of exp(-E(v, h1, h2)), exactly: fixing v leaves an RBM over
// h1 (bias c1 + W1'v) and h2 (bias c2) with weights W2, whose log partition function is
// log p*(v) - b'v. Enumerates the smaller of h1 and h2 per image.
//
// With both: log p(v) = log p*(v) - log Z. When neither hidden layer is small, only the
// mean-field lower bound on log p*(v) is left (dbm_mean_field.h).

#include <Eigen/Core>

#include "core/models/dbm/dbm_mean_field.h"
#include "core/models/dbm/dbm_model.h"
#include "core/models/rbm/rbm_ais.h"

namespace genlab::dbm {

// Whether exactLogPartition stays within `maxBits` enumerated units.
bool partitionExactFeasible(const Dbm& dbm, int maxBits = 20);
// Whether unnormalisedLogProbability stays within `maxBits` enumerated units.
bool probabilityExactFeasible(const Dbm& dbm, int maxBits = 20);

// Throws ConfigError when min(H1, V + H2) > rbm::kMaxExactBits. `threads` 0 = all cores.
double exactLogPartition(const Dbm& dbm, int threads = 0);

// log p*(v) for each row of `v` (binary, N x V). Throws ConfigError when min(H1, H2) >
// rbm::kMaxExactBits. Rows are split over `threads` (0 = all cores).
Eigen::VectorXd unnormalisedLogProbability(const Dbm& dbm, const Eigen::MatrixXd& v,
                                           int threads = 0);

// AIS base bias: the smoothed pixel rates of `data` for v (rbm::baseRateBias), 0 for h2.
Eigen::VectorXd aisBaseBias(const Dbm& dbm, const Eigen::MatrixXd& data);
rbm::AisResult annealedLogPartition(const Dbm& dbm, const Eigen::MatrixXd& baseData,
                                    const rbm::AisSettings& settings);

// What a held-out log-likelihood figure is.
enum class FigureKind {
  Exact,           // exact log Z and exact log p*(v)
  Estimate,        // AIS log Z, exact log p*(v)
  Bound,           // exact log Z, mean-field bound on log p*(v): a lower bound on log p(v)
  EstimatedBound,  // AIS log Z and the mean-field bound
};
const char* toString(FigureKind kind);

struct LikelihoodSettings {
  int exactBits = 20;
  rbm::AisSettings ais;
  MeanFieldSettings meanField;
};

struct LikelihoodScore {
  double logPartition = 0.0;
  bool partitionExact = true;
  double standardError = 0.0;  // AIS's, of log Z; 0 when exact
  FigureKind kind = FigureKind::Exact;
  double logLikelihood = 0.0;   // mean over the images, nats per image (as `kind` says)
  double meanFieldBound = 0.0;  // mean mean-field lower bound on log p(v), with the same log Z
  int meanFieldIterations = 0;
};

// log Z, exact when min(H1, V + H2) <= settings.exactBits, else by AIS.
struct Partition {
  double logPartition = 0.0;
  bool exact = true;
  double standardError = 0.0;  // AIS's; 0 when exact
};
// `baseData`: the binary images whose pixel rates make AIS's base model (the training set).
Partition estimatePartition(const Dbm& dbm, const Eigen::MatrixXd& baseData,
                            const LikelihoodSettings& settings);

// The mean figures of the images `v` under `partition` (one log Z for several image sets).
LikelihoodScore scoreLikelihood(const Dbm& dbm, const Eigen::MatrixXd& v,
                                const Partition& partition, const LikelihoodSettings& settings);
// The same with log Z estimated first.
LikelihoodScore scoreLikelihood(const Dbm& dbm, const Eigen::MatrixXd& v,
                                const Eigen::MatrixXd& baseData,
                                const LikelihoodSettings& settings);

}  // namespace genlab::dbm
