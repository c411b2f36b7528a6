#include "core/math/mig.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace genlab::math {
namespace {

// Bin index of each value: equal-width bins over the column's own range.
std::vector<int> discretise(const Eigen::VectorXf& values, int bins) {
  const float lo = values.minCoeff();
  const float hi = values.maxCoeff();
  std::vector<int> index(static_cast<std::size_t>(values.size()), 0);
  if (!(hi > lo)) return index;  // a constant dimension carries no information
  const double scale = bins / (static_cast<double>(hi) - lo);
  for (Eigen::Index i = 0; i < values.size(); ++i) {
    index[static_cast<std::size_t>(i)] =
        std::min(bins - 1, static_cast<int>((static_cast<double>(values[i]) - lo) * scale));
  }
  return index;
}

double entropy(const std::vector<double>& counts, double total) {
  double h = 0.0;
  for (const double c : counts) {
    if (c > 0) h -= (c / total) * std::log(c / total);
  }
  return h;
}

// Plug-in estimate of I(a; b) in nats from paired discrete samples.
double mutualInformation(const std::vector<int>& a, int aLevels, const Eigen::VectorXi& b,
                         int bLevels) {
  const double n = static_cast<double>(a.size());
  Eigen::MatrixXd joint = Eigen::MatrixXd::Zero(aLevels, bLevels);
  for (std::size_t i = 0; i < a.size(); ++i) joint(a[i], b[static_cast<Eigen::Index>(i)]) += 1.0;
  const Eigen::VectorXd pa = joint.rowwise().sum() / n;
  const Eigen::RowVectorXd pb = joint.colwise().sum() / n;
  double mi = 0.0;
  for (int i = 0; i < aLevels; ++i) {
    for (int j = 0; j < bLevels; ++j) {
      const double p = joint(i, j) / n;
      if (p > 0) mi += p * std::log(p / (pa[i] * pb[j]));
    }
  }
  return std::max(0.0, mi);  // rounding can leave -1e-17 for independent variables
}

}  // namespace

MigResult mutualInformationGap(const Eigen::MatrixXf& latents, const Eigen::MatrixXi& factors,
                               const std::vector<int>& levels, int bins) {
  const Eigen::Index dims = latents.cols();
  const Eigen::Index factorCount = factors.cols();
  MigResult result;
  result.mutualInformation = Eigen::MatrixXd::Zero(dims, factorCount);
  result.factorEntropy.assign(static_cast<std::size_t>(factorCount), 0.0);
  result.gapPerFactor.assign(static_cast<std::size_t>(factorCount), 0.0);
  if (latents.rows() == 0 || latents.rows() != factors.rows()) return result;

  std::vector<std::vector<int>> binned;
  for (Eigen::Index j = 0; j < dims; ++j) binned.push_back(discretise(latents.col(j), bins));

  double sum = 0.0;
  int counted = 0;
  for (Eigen::Index k = 0; k < factorCount; ++k) {
    const int factorLevels = levels[static_cast<std::size_t>(k)];
    const Eigen::VectorXi column = factors.col(k);
    std::vector<double> counts(static_cast<std::size_t>(factorLevels), 0.0);
    for (Eigen::Index i = 0; i < column.size(); ++i)
      counts[static_cast<std::size_t>(column[i])] += 1;
    const double h = entropy(counts, static_cast<double>(column.size()));
    result.factorEntropy[static_cast<std::size_t>(k)] = h;
    if (h <= 0.0) continue;
    std::vector<double> mi;
    for (Eigen::Index j = 0; j < dims; ++j) {
      const double value =
          mutualInformation(binned[static_cast<std::size_t>(j)], bins, column, factorLevels);
      result.mutualInformation(j, k) = value;
      mi.push_back(value);
    }
    std::sort(mi.begin(), mi.end(), std::greater<>());
    const double second = mi.size() > 1 ? mi[1] : 0.0;
    const double gap = (mi.empty() ? 0.0 : mi[0] - second) / h;
    result.gapPerFactor[static_cast<std::size_t>(k)] = gap;
    sum += gap;
    ++counted;
  }
  result.mig = counted > 0 ? sum / counted : 0.0;
  return result;
}

}  // namespace genlab::math
