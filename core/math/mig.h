#pragma once
// The mutual-information gap (Chen et al. 2018, "Isolating Sources of Disentanglement in VAEs",
// section 5): for each known factor v_k, the mutual information I(z_j; v_k) of every latent
// dimension is estimated (latents discretised into equal-width bins, as in Locatello et al.
// 2019's disentanglement_lib), and the gap between the largest and second largest, divided by
// the factor's entropy H(v_k), is averaged over factors. 0: no latent singles a factor out;
// 1: each factor is captured by exactly one latent dimension.

#include <Eigen/Core>
#include <vector>

namespace genlab::math {

struct MigResult {
  double mig = 0.0;                   // mean over factors of the normalised gaps
  std::vector<double> gapPerFactor;   // normalised gap for each factor
  Eigen::MatrixXd mutualInformation;  // latents x factors, in nats
  std::vector<double> factorEntropy;  // H(v_k), nats
};

// `latents`: N x D (posterior means). `factors`: N x F integer levels in [0, levels[f]).
// Factors with a single level (entropy 0) are skipped.
MigResult mutualInformationGap(const Eigen::MatrixXf& latents, const Eigen::MatrixXi& factors,
                               const std::vector<int>& levels, int bins = 20);

}  // namespace genlab::math
