#pragma once
// Data for the t-SNE tests: Gaussian clusters, CSV fixtures, neighbour agreement.

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/math/tsne.h"
#include "core/util/rng.h"

namespace genlab::math::test {

// `perCluster` points around each of `clusters` centres N(0, spread^2 I) in `dim` dimensions,
// unit noise; labels in `labels`. Point i belongs to cluster i % clusters.
inline RowMatrixXd gaussianClusters(int clusters, int perCluster, int dim, double spread,
                                    std::uint64_t seed, std::vector<int>* labels = nullptr) {
  Rng rng(seed);
  RowMatrixXd centres(clusters, dim);
  for (Eigen::Index e = 0; e < centres.size(); ++e) centres.data()[e] = spread * rng.normal();
  const int n = clusters * perCluster;
  RowMatrixXd x(n, dim);
  if (labels) labels->resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const int c = i % clusters;
    for (int d = 0; d < dim; ++d) x(i, d) = centres(c, d) + rng.normal();
    if (labels) (*labels)[static_cast<std::size_t>(i)] = c;
  }
  return x;
}

// A numeric CSV without a header; throws on a missing file.
inline RowMatrixXd readCsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<std::vector<double>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<double> row;
    std::stringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, ',')) row.push_back(std::stod(cell));
    rows.push_back(std::move(row));
  }
  RowMatrixXd m(static_cast<Eigen::Index>(rows.size()),
                rows.empty() ? 0 : static_cast<Eigen::Index>(rows[0].size()));
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (std::size_t j = 0; j < rows[i].size(); ++j)
      m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = rows[i][j];
  return m;
}

// Fraction of (point, neighbour) pairs among each point's k nearest neighbours in `y` (brute
// force) whose labels agree.
inline double neighbourLabelAgreement(const Embedding& y, const std::vector<int>& labels, int k) {
  const Eigen::Index n = y.rows();
  std::size_t agree = 0;
  std::vector<std::pair<double, Eigen::Index>> d(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < n; ++j)
      d[static_cast<std::size_t>(j)] = {j == i ? 1e300 : (y.row(i) - y.row(j)).squaredNorm(), j};
    std::partial_sort(d.begin(), d.begin() + k, d.end());
    for (int r = 0; r < k; ++r)
      agree += labels[static_cast<std::size_t>(d[static_cast<std::size_t>(r)].second)] ==
               labels[static_cast<std::size_t>(i)];
  }
  return static_cast<double>(agree) / static_cast<double>(n * k);
}

}  // namespace genlab::math::test
