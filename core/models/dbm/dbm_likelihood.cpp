#include "core/models/dbm/dbm_likelihood.h"

#include <algorithm>
#include <thread>
#include <vector>

#include "core/models/rbm/rbm_partition.h"
#include "core/util/errors.h"

namespace genlab::dbm {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

int workerCount(int threads, Index jobs) {
  int workers = threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency());
  return static_cast<int>(std::clamp<Index>(workers, 1, std::max<Index>(1, jobs)));
}

}  // namespace

bool partitionExactFeasible(const Dbm& dbm, int maxBits) {
  return rbm::exactFeasible(dbm.stacked, maxBits);
}

bool probabilityExactFeasible(const Dbm& dbm, int maxBits) {
  return std::min(dbm.hidden1(), dbm.hidden2()) <= maxBits;
}

double exactLogPartition(const Dbm& dbm, int threads) {
  return rbm::exactLogPartition(dbm.stacked, rbm::Enumerate::Smaller, threads);
}

VectorXd unnormalisedLogProbability(const Dbm& dbm, const MatrixXd& v, int threads) {
  if (!probabilityExactFeasible(dbm, rbm::kMaxExactBits)) {
    throw ConfigError("exact log p*(v): both hidden layers (" + std::to_string(dbm.hidden1()) +
                      " and " + std::to_string(dbm.hidden2()) +
                      " units) are too large to enumerate");
  }
  const MatrixXd w2 = dbm.w2();
  const MatrixXd bottomUp = v * dbm.w1();
  const VectorXd visibleTerm = v * dbm.visibleBias();
  VectorXd out(v.rows());
  const int workers = workerCount(threads, v.rows());
  {
    std::vector<std::jthread> pool;
    for (int t = 0; t < workers; ++t) {
      const Index first = v.rows() * t / workers;
      const Index last = v.rows() * (t + 1) / workers;
      pool.emplace_back([&, first, last] {
        rbm::Rbm conditional{w2, VectorXd(), VectorXd(dbm.hidden2Bias())};
        for (Index n = first; n < last; ++n) {
          conditional.visibleBias = dbm.hidden1Bias() + bottomUp.row(n).transpose();
          out(n) = visibleTerm(n) + rbm::exactLogPartition(conditional, rbm::Enumerate::Smaller, 1);
        }
      });
    }
  }
  return out;
}

VectorXd aisBaseBias(const Dbm& dbm, const MatrixXd& data) {
  VectorXd bias = VectorXd::Zero(dbm.stacked.visible());
  bias.head(dbm.visible()) = rbm::baseRateBias(data);
  return bias;
}

rbm::AisResult annealedLogPartition(const Dbm& dbm, const MatrixXd& baseData,
                                    const rbm::AisSettings& settings) {
  if (baseData.cols() != dbm.visible()) {
    throw ConfigError("ais base data: " + std::to_string(baseData.cols()) +
                      " pixels, the DBM has " + std::to_string(dbm.visible()) + " visible units");
  }
  return rbm::annealedLogPartition(dbm.stacked, aisBaseBias(dbm, baseData), settings);
}

const char* toString(FigureKind kind) {
  switch (kind) {
    case FigureKind::Exact:
      return "exact";
    case FigureKind::Estimate:
      return "estimate";
    case FigureKind::Bound:
      return "bound";
    case FigureKind::EstimatedBound:
      return "estimated bound";
  }
  return "exact";
}

Partition estimatePartition(const Dbm& dbm, const MatrixXd& baseData,
                            const LikelihoodSettings& settings) {
  if (partitionExactFeasible(dbm, settings.exactBits)) {
    return {.logPartition = exactLogPartition(dbm, settings.ais.threads)};
  }
  const rbm::AisResult ais = annealedLogPartition(dbm, baseData, settings.ais);
  return {.logPartition = ais.logPartition, .exact = false, .standardError = ais.standardError};
}

LikelihoodScore scoreLikelihood(const Dbm& dbm, const MatrixXd& v, const Partition& partition,
                                const LikelihoodSettings& settings) {
  LikelihoodScore out;
  out.logPartition = partition.logPartition;
  out.partitionExact = partition.exact;
  out.standardError = partition.standardError;
  if (v.rows() == 0) return out;
  const MeanField q = meanField(dbm, v, settings.meanField);
  out.meanFieldIterations = q.iterations;
  out.meanFieldBound = variationalBound(dbm, v, q).mean() - out.logPartition;
  const bool probabilityExact = probabilityExactFeasible(dbm, settings.exactBits);
  out.logLikelihood =
      probabilityExact
          ? unnormalisedLogProbability(dbm, v, settings.ais.threads).mean() - out.logPartition
          : out.meanFieldBound;
  out.kind = probabilityExact
                 ? (out.partitionExact ? FigureKind::Exact : FigureKind::Estimate)
                 : (out.partitionExact ? FigureKind::Bound : FigureKind::EstimatedBound);
  return out;
}

LikelihoodScore scoreLikelihood(const Dbm& dbm, const MatrixXd& v, const MatrixXd& baseData,
                                const LikelihoodSettings& settings) {
  return scoreLikelihood(dbm, v, estimatePartition(dbm, baseData, settings), settings);
}

}  // namespace genlab::dbm
