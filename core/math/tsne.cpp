#include "core/math/tsne.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/math/pca.h"
#include "core/util/errors.h"
#include "core/util/rng.h"

namespace genlab::math {
namespace {

void validate(const TsneOptions& o, Eigen::Index n) {
  const auto fail = [](const std::string& key, const std::string& why) {
    throw ConfigError("t-SNE " + key + ": " + why);
  };
  if (n < 2) fail("points", "needs at least 2, got " + std::to_string(n));
  if (!(o.theta >= 0.0 && o.theta < 1.0))
    fail("theta", std::to_string(o.theta) + " is out of range [0, 1)");
  if (!(o.earlyExaggeration >= 1.0))
    fail("early_exaggeration", std::to_string(o.earlyExaggeration) + " must be at least 1");
  if (o.iterations < 1) fail("iterations", std::to_string(o.iterations) + " must be positive");
  if (o.exaggerationIterations < 0)
    fail("exaggeration_iterations", std::to_string(o.exaggerationIterations) + " is negative");
  if (o.learningRate < 0.0) fail("learning_rate", std::to_string(o.learningRate) + " is negative");
  if (o.checkEvery < 1) fail("check_every", std::to_string(o.checkEvery) + " must be positive");
}

struct Phase {
  int end;
  double exaggeration, momentum;
  int withoutProgress;
};

}  // namespace

Embedding pcaInitialisation(const RowMatrixXd& data) {
  const Eigen::MatrixXd x = data;
  Embedding y = pcaProjection(x).points(x);
  const double mean = y.col(0).mean();
  const double sd = std::sqrt((y.col(0).array() - mean).square().mean());
  // Points that PCA puts on one spot (all equal): leave them at 0 rather than divide by 0.
  if (sd > 0.0) y *= 1e-4 / sd;
  return y;
}

TsneResult optimiseTsne(const SparseAffinities& p, Embedding y, const TsneOptions& options,
                        std::stop_token stop, const TsneProgressFn& progress) {
  const int n = p.n;
  validate(options, n);
  if (y.rows() != n)
    throw ConfigError("t-SNE initial embedding: " + std::to_string(y.rows()) + " rows for " +
                      std::to_string(n) + " points");
  const double rate = options.learningRate > 0.0
                          ? options.learningRate
                          : std::max(n / options.earlyExaggeration / 4.0, 50.0);
  const int early = std::min(options.exaggerationIterations, options.iterations);
  TsneResult result;
  result.kl = std::numeric_limits<double>::quiet_NaN();
  GradientOptions gradientOptions;
  gradientOptions.threads = options.threads;
  Embedding grad(n, 2), update(n, 2), gains(n, 2);
  int it = 0;
  const Phase phases[2] = {
      {early, options.earlyExaggeration, options.momentumEarly, early},
      {options.iterations, 1.0, options.momentumLate, options.withoutProgress}};
  for (const Phase& phase : phases) {
    // Each phase starts with no velocity and unit gains (as scikit-learn's two descents do).
    update.setZero();
    gains.setOnes();
    double best = std::numeric_limits<double>::max();
    int bestAt = it;
    gradientOptions.exaggeration = phase.exaggeration;
    // A phase that ended early hands over at its next iteration, as in scikit-learn.
    for (; it < phase.end; ++it) {
      if (stop.stop_requested()) {
        result.stopped = true;
        break;
      }
      const bool check = (it + 1) % options.checkEvery == 0;
      gradientOptions.computeKl = check || it == phase.end - 1;
      const double kl = options.method == TsneOptions::Method::kExact
                            ? exactGradient(p, y, grad, gradientOptions)
                            : barnesHutGradient(p, y, options.theta, grad, gradientOptions);
      if (gradientOptions.computeKl) result.kl = kl;
      // Delta-bar-delta: grow the gain where the gradient opposes the last step's direction.
      for (Eigen::Index e = 0; e < grad.size(); ++e) {
        double& g = gains.data()[e];
        g = update.data()[e] * grad.data()[e] < 0.0 ? g + 0.2 : g * 0.8;
        g = std::max(g, options.minGain);
      }
      grad.array() *= gains.array();
      update = phase.momentum * update - rate * grad;
      y += update;
      result.iterations = it + 1;
      if (progress && ((it + 1) % options.progressEvery == 0 || it + 1 == options.iterations))
        progress({it + 1, options.iterations, result.kl, &y});
      if (check) {
        if (kl < best) {
          best = kl;
          bestAt = it;
        } else if (it - bestAt > phase.withoutProgress) {
          ++it;
          break;
        }
        if (grad.norm() <= options.minGradNorm) {
          ++it;
          break;
        }
      }
    }
    if (result.stopped) break;
  }
  result.embedding = std::move(y);
  return result;
}

TsneResult runTsne(const RowMatrixXd& data, const TsneOptions& options, std::stop_token stop,
                   const TsneProgressFn& progress, const Embedding* initial) {
  validate(options, data.rows());
  if (!data.allFinite()) throw ConfigError("t-SNE data: contains a NaN or infinite value");
  const SparseAffinities p = options.method == TsneOptions::Method::kExact
                                 ? jointAffinitiesExact(data, options.perplexity)
                                 : jointAffinitiesKnn(data, options.perplexity, options.threads);
  if (stop.stop_requested()) return {Embedding::Zero(data.rows(), 2), 0.0, 0, true};
  Embedding start;
  switch (options.init) {
    case TsneOptions::Init::kPca:
      start = pcaInitialisation(data);
      break;
    case TsneOptions::Init::kRandom: {
      Rng rng(options.seed);
      start.resize(data.rows(), 2);
      for (Eigen::Index e = 0; e < start.size(); ++e) start.data()[e] = 1e-4 * rng.normal();
      break;
    }
    case TsneOptions::Init::kGiven:
      if (!initial) throw ConfigError("t-SNE init: \"given\" without an initial embedding");
      start = *initial;
      break;
  }
  return optimiseTsne(p, std::move(start), options, stop, progress);
}

}  // namespace genlab::math
