#include "core/models/rbm/rbm_partition.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>
#include <vector>

#include "core/util/errors.h"

namespace genlab::rbm {

using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

// A log-space running sum: value = max + log(sum), sum of exp(term - max).
struct LogSum {
  double max = -std::numeric_limits<double>::infinity();
  double sum = 0.0;

  void add(double term) {
    if (term <= max) {
      sum += std::exp(term - max);
    } else {
      sum = sum * std::exp(max - term) + 1.0;
      max = term;
    }
  }
  void merge(const LogSum& other) {
    if (other.sum == 0.0) return;
    if (sum == 0.0) {
      *this = other;
      return;
    }
    if (other.max <= max) {
      sum += other.sum * std::exp(other.max - max);
    } else {
      sum = sum * std::exp(max - other.max) + other.sum;
      max = other.max;
    }
  }
  double value() const { return max + std::log(sum); }
};

// -free energy of the states [first, last) of the enumerated layer (state s: unit k is bit k
// of s), with `weights` oriented enumerated x other, `ownBias` on the enumerated layer and
// `otherBias` on the summed-out one.
LogSum sumStates(const MatrixXd& weights, const VectorXd& ownBias, const VectorXd& otherBias,
                 std::uint64_t first, std::uint64_t last) {
  constexpr std::uint64_t kBlock = 2048;
  const Eigen::Index bits = weights.rows();
  LogSum total;
  MatrixXd states;
  MatrixXd pre;
  for (std::uint64_t start = first; start < last; start += kBlock) {
    const auto n = static_cast<Eigen::Index>(std::min(kBlock, last - start));
    states.resize(n, bits);
    for (Eigen::Index r = 0; r < n; ++r) {
      const std::uint64_t s = start + static_cast<std::uint64_t>(r);
      for (Eigen::Index k = 0; k < bits; ++k) states(r, k) = static_cast<double>((s >> k) & 1U);
    }
    pre.noalias() = states * weights;
    pre.rowwise() += otherBias.transpose();
    const VectorXd negEnergy = states * ownBias + softplus(pre.array()).rowwise().sum().matrix();
    for (Eigen::Index r = 0; r < n; ++r) total.add(negEnergy(r));
  }
  return total;
}

}  // namespace

double exactLogPartition(const Rbm& rbm, Enumerate layer, int threads) {
  if (layer == Enumerate::Smaller) {
    layer = rbm.visible() <= rbm.hidden() ? Enumerate::Visible : Enumerate::Hidden;
  }
  const bool visible = layer == Enumerate::Visible;
  const Eigen::Index bits = visible ? rbm.visible() : rbm.hidden();
  if (bits > kMaxExactBits) {
    throw ConfigError("exact log Z: 2^" + std::to_string(bits) + " states of the " +
                      (visible ? "visible" : "hidden") +
                      " layer are too many to enumerate (at most 2^" +
                      std::to_string(kMaxExactBits) + ")");
  }
  const MatrixXd weights = visible ? rbm.weights : MatrixXd(rbm.weights.transpose());
  const VectorXd& ownBias = visible ? rbm.visibleBias : rbm.hiddenBias;
  const VectorXd& otherBias = visible ? rbm.hiddenBias : rbm.visibleBias;
  const std::uint64_t states = std::uint64_t{1} << bits;

  int workers = threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency());
  workers = std::max(1, workers);
  // Small problems are not worth a thread each.
  workers =
      static_cast<int>(std::min<std::uint64_t>(workers, std::max<std::uint64_t>(1, states >> 12)));
  std::vector<LogSum> partial(static_cast<std::size_t>(workers));
  {
    std::vector<std::jthread> pool;
    for (int t = 0; t < workers; ++t) {
      const std::uint64_t first =
          states * static_cast<std::uint64_t>(t) / static_cast<std::uint64_t>(workers);
      const std::uint64_t last =
          states * static_cast<std::uint64_t>(t + 1) / static_cast<std::uint64_t>(workers);
      pool.emplace_back([&, t, first, last] {
        partial[static_cast<std::size_t>(t)] = sumStates(weights, ownBias, otherBias, first, last);
      });
    }
  }
  LogSum total;
  for (const LogSum& p : partial) total.merge(p);
  return total.value();
}

VectorXd logLikelihood(const Rbm& rbm, const MatrixXd& v, double logPartition) {
  return (-freeEnergy(rbm, v)).array() - logPartition;
}

}  // namespace genlab::rbm
