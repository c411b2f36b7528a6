#pragma once
// t-SNE (van der Maaten and Hinton 2008) to the plane, exact for small N and Barnes-Hut (van der
// Maaten 2014) for large, with scikit-learn's optimiser so results compare with TSNE(...):
//   - P from perplexity calibration (tsne_affinities.h), on the k = floor(3 perplexity + 1)
//     nearest neighbours for Barnes-Hut, on all points for the exact method;
//   - initial embedding: PCA scaled so the first coordinate has standard deviation 1e-4, or
//     seeded N(0, 1e-4^2) noise, or one given (a warm start);
//   - gradient descent with momentum and per-coordinate gains (delta-bar-delta: +0.2 where the
//     gradient changed sign against the last update, *0.8 elsewhere, floor 0.01), learning rate
//     "auto" = max(N / early_exaggeration / 4, 50);
//   - early exaggeration (P * 12) with momentum 0.5 for 250 iterations, then momentum 0.8 with
//     fresh gains and updates until `iterations`; every 50 iterations the divergence is checked
//     and the run ends early after 300 iterations without progress or a tiny gradient.
//
// Deterministic: every sum is taken in an order that does not depend on the thread count, so
// the same data, settings and seed give the same embedding bit for bit on 1 or 2 threads (on
// one kind of CPU: the AVX2 and plain loops add in different orders).

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <stop_token>

#include "core/math/tsne_affinities.h"
#include "core/math/tsne_gradient.h"

namespace genlab::math {

struct TsneOptions {
  enum class Method { kBarnesHut, kExact };
  enum class Init { kPca, kRandom, kGiven };

  Method method = Method::kBarnesHut;
  Init init = Init::kPca;
  double perplexity = 30.0;
  double theta = 0.5;  // Barnes-Hut opening angle; 0 computes the exact repulsion
  double earlyExaggeration = 12.0;
  int exaggerationIterations = 250;  // 0 skips the phase (warm starts)
  int iterations = 1000;             // in all, the exaggerated ones included
  double learningRate = 0.0;         // 0: "auto"
  double momentumEarly = 0.5;
  double momentumLate = 0.8;
  double minGain = 0.01;
  int checkEvery = 50;        // iterations between divergence checks
  int withoutProgress = 300;  // stop after this many iterations with no better divergence
  double minGradNorm = 1e-7;  // stop when |gains * gradient| falls below this
  std::uint64_t seed = 0;     // Init::kRandom's noise
  int threads = 0;            // OpenMP threads, 0: all cores
  int progressEvery = 10;     // iterations between progress callbacks
};

struct TsneProgress {
  int iteration = 0;                     // iterations done
  int iterations = 0;                    // planned
  double kl = 0.0;                       // the last checked divergence (NaN before the first check)
  const Embedding* embedding = nullptr;  // the current embedding, valid during the call
};
using TsneProgressFn = std::function<void(const TsneProgress&)>;

struct TsneResult {
  Embedding embedding;   // N x 2
  double kl = 0.0;       // the divergence the optimiser computed last (Barnes-Hut: with BH's Z)
  int iterations = 0;    // iterations run
  bool stopped = false;  // ended by the stop token
};

// Embeds the rows of `data` (N x d). Throws ConfigError for settings out of range (perplexity
// not below N - 1, theta negative, a given initial embedding of the wrong size).
TsneResult runTsne(const RowMatrixXd& data, const TsneOptions& options, std::stop_token stop = {},
                   const TsneProgressFn& progress = {}, const Embedding* initial = nullptr);

// The optimiser alone, from affinities `p` and a starting embedding (what runTsne runs after
// computing P and the initialisation).
TsneResult optimiseTsne(const SparseAffinities& p, Embedding start, const TsneOptions& options,
                        std::stop_token stop = {}, const TsneProgressFn& progress = {});

// scikit-learn's PCA initialisation: the first two principal coordinates, scaled so the first
// has standard deviation 1e-4.
Embedding pcaInitialisation(const RowMatrixXd& data);

}  // namespace genlab::math
