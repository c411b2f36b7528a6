#include "core/models/rbm/rbm_ais.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <thread>
#include <vector>

#include "core/util/errors.h"
#include "core/util/rng.h"

namespace genlab::rbm {

using Eigen::ArrayXXd;
using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

// Stream of run m: a fixed odd multiplier keeps the runs' seeds apart.
std::uint64_t runSeed(std::uint64_t seed, Index run) {
  return seed * 0x2545F4914F6CDD1DULL + 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(run + 1);
}

// Samples each entry of `p` as a 0/1 value, row r from rngs[r].
void sampleRows(const MatrixXd& p, std::vector<Rng>& rngs, MatrixXd& out) {
  out.resize(p.rows(), p.cols());
  for (Index r = 0; r < p.rows(); ++r) {
    Rng& rng = rngs[static_cast<std::size_t>(r)];
    for (Index c = 0; c < p.cols(); ++c) out(r, c) = rng.uniform() < p(r, c) ? 1.0 : 0.0;
  }
}

// The log weights of runs [first, last).
VectorXd runChains(const Rbm& rbm, const VectorXd& baseBias, const AisSettings& settings,
                   Index first, Index last) {
  const Index n = last - first;
  std::vector<Rng> rngs;
  for (Index r = first; r < last; ++r) rngs.emplace_back(runSeed(settings.seed, r));
  MatrixXd v;
  const MatrixXd baseP = sigmoid(baseBias.transpose().replicate(n, 1).array()).matrix();
  sampleRows(baseP, rngs, v);

  const VectorXd biasDelta = rbm.visibleBias - baseBias;
  VectorXd logW = VectorXd::Zero(n);
  MatrixXd x;  // c + v W, n x H
  MatrixXd h;
  MatrixXd pre;
  ArrayXXd previous;  // softplus(beta_{k-1} x)
  const int steps = settings.betas;
  for (int k = 1; k <= steps; ++k) {
    const double beta = static_cast<double>(k) / steps;
    const double betaPrev = static_cast<double>(k - 1) / steps;
    x.noalias() = v * rbm.weights;
    x.rowwise() += rbm.hiddenBias.transpose();
    const ArrayXXd now = softplus(beta * x.array());
    previous = softplus(betaPrev * x.array());
    logW += (beta - betaPrev) * (v * biasDelta) + (now - previous).rowwise().sum().matrix();
    if (k == steps || settings.stop.stop_requested()) break;
    // One Gibbs sweep at beta_k.
    sampleRows(sigmoid(beta * x.array()).matrix(), rngs, h);
    pre.noalias() = beta * (h * rbm.weights.transpose());
    pre.rowwise() += ((1.0 - beta) * baseBias + beta * rbm.visibleBias).transpose();
    sampleRows(sigmoid(pre.array()).matrix(), rngs, v);
  }
  return logW;
}

}  // namespace

VectorXd baseRateBias(const MatrixXd& data) {
  const double n = static_cast<double>(data.rows());
  const VectorXd p = ((data.colwise().sum().transpose().array() + 1.0) / (n + 2.0)).matrix();
  return (p.array() / (1.0 - p.array())).log().matrix();
}

LogMean logMeanExp(const VectorXd& logValues) {
  const Index m = logValues.size();
  const double top = logValues.maxCoeff();
  const Eigen::ArrayXd scaled = (logValues.array() - top).exp();
  const double mean = scaled.mean();
  LogMean out;
  out.logMean = top + std::log(mean);
  if (m > 1) {
    const double variance = (scaled - mean).square().sum() / static_cast<double>(m - 1);
    out.standardError = std::sqrt(variance) / (std::sqrt(static_cast<double>(m)) * mean);
  }
  return out;
}

AisResult annealedLogPartition(const Rbm& rbm, const VectorXd& baseBias,
                               const AisSettings& settings) {
  if (settings.runs < 2) {
    throw ConfigError("ais runs: " + std::to_string(settings.runs) +
                      " is too few (at least 2, for a standard error)");
  }
  if (settings.betas < 1) {
    throw ConfigError("ais betas: " + std::to_string(settings.betas) + " must be at least 1");
  }
  if (baseBias.size() != rbm.visible()) {
    throw ConfigError("ais base bias: " + std::to_string(baseBias.size()) +
                      " entries, the RBM has " + std::to_string(rbm.visible()) + " visible units");
  }
  const Index runs = settings.runs;
  int workers = settings.threads > 0 ? settings.threads
                                     : static_cast<int>(std::thread::hardware_concurrency());
  workers = std::clamp(workers, 1, static_cast<int>(runs));
  AisResult result;
  result.logWeights.resize(runs);
  {
    std::vector<std::jthread> pool;
    for (int t = 0; t < workers; ++t) {
      const Index first = runs * t / workers;
      const Index last = runs * (t + 1) / workers;
      pool.emplace_back([&, first, last] {
        result.logWeights.segment(first, last - first) =
            runChains(rbm, baseBias, settings, first, last);
      });
    }
  }
  result.logPartitionBase =
      softplus(baseBias.array()).sum() + static_cast<double>(rbm.hidden()) * std::numbers::ln2;
  const LogMean mean = logMeanExp(result.logWeights);
  result.logPartition = result.logPartitionBase + mean.logMean;
  result.standardError = mean.standardError;
  return result;
}

}  // namespace genlab::rbm
