#include "core/models/hmm/sampling.h"

#include <cmath>

#include "core/util/errors.h"

namespace genlab::hmm {

SampledSequence sample(const HmmModel& model, Index length, Rng& rng) {
  SampledSequence out;
  out.path.resize(static_cast<std::size_t>(length));
  if (model.isDiscrete()) {
    out.observations = Observations::discrete(std::vector<int>(static_cast<std::size_t>(length)));
  } else {
    out.observations = Observations::gaussian(RowMatrix(length, model.dim()));
  }
  const RowMatrix stddev = model.variances.cwiseSqrt();
  int z = 0;
  for (Index t = 0; t < length; ++t) {
    z = static_cast<int>(t == 0 ? rng.categorical(model.start)
                                : rng.categorical(model.transition.row(z)));
    out.path[t] = z;
    if (model.isDiscrete()) {
      out.observations.symbols[t] = static_cast<int>(rng.categorical(model.emissionProbs.row(z)));
    } else {
      for (Index c = 0; c < model.dim(); ++c)
        out.observations.values(t, c) = rng.normal(model.means(z, c), stddev(z, c));
    }
  }
  return out;
}

namespace {

// A point of the probability simplex: flat Dirichlet (normalised exponentials), mixed with
// `uniformShare` of the uniform distribution so that no entry starts at 0.
Eigen::RowVectorXd randomRow(Index n, Rng& rng, double uniformShare = 0.1) {
  Eigen::RowVectorXd row(n);
  for (Index j = 0; j < n; ++j) row(j) = -std::log(1.0 - rng.uniform());
  row /= row.sum();
  return (1.0 - uniformShare) * row.array() + uniformShare / static_cast<double>(n);
}

}  // namespace

HmmModel randomModel(EmissionKind kind, Index states, Index symbols,
                     std::span<const Observations> data, Rng& rng) {
  HmmModel model;
  model.emission = kind;
  model.start = randomRow(states, rng).transpose();
  model.transition.resize(states, states);
  // Half the mass on staying: data an HMM is fitted to usually has persistent states, and a
  // near-uniform start for A tends to stall Baum-Welch at the symmetric saddle.
  for (Index i = 0; i < states; ++i) {
    model.transition.row(i) = 0.5 * randomRow(states, rng);
    model.transition(i, i) += 0.5;
  }
  if (kind == EmissionKind::Discrete) {
    model.emissionProbs.resize(states, symbols);
    for (Index i = 0; i < states; ++i) model.emissionProbs.row(i) = randomRow(symbols, rng);
    return model;
  }
  // Gaussian: pool the data to pick means and measure the spread.
  Index total = 0;
  for (const Observations& obs : data) total += obs.length();
  if (data.empty() || total == 0)
    throw DataError("random initialisation needs at least one observation");
  const Index d = data.front().values.cols();
  Eigen::RowVectorXd mean = Eigen::RowVectorXd::Zero(d);
  Eigen::RowVectorXd sq = Eigen::RowVectorXd::Zero(d);
  for (const Observations& obs : data) {
    mean += obs.values.colwise().sum();
    sq += obs.values.array().square().matrix().colwise().sum();
  }
  mean /= static_cast<double>(total);
  const Eigen::RowVectorXd var =
      (sq / static_cast<double>(total) - mean.cwiseAbs2()).cwiseMax(1e-6);
  model.means.resize(states, d);
  model.variances.resize(states, d);
  for (Index i = 0; i < states; ++i) {
    Index pick = static_cast<Index>(rng.below(static_cast<std::uint64_t>(total)));
    for (const Observations& obs : data) {
      if (pick < obs.length()) {
        model.means.row(i) = obs.values.row(pick);
        break;
      }
      pick -= obs.length();
    }
    model.variances.row(i) = var;
  }
  return model;
}

}  // namespace genlab::hmm
