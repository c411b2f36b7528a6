// One EM iteration (E-step + M-step, initialisation excluded) of genlab's GaussianMixture with
// full covariances, fp64, for the shapes of the speed goal; plus the machine's GEMM rate for
// comparison. bench/run_gmm_compare.sh runs this next to scikit-learn (bench/peers/).
//
// Data: from $GENLAB_GMM_BENCH_DIR/N_d_K.{f64,json} when set (written by the sklearn peer, so
// both sides start from the same numbers), else generated here from a fixed seed.
// Threads: $GENLAB_GMM_BENCH_THREADS (default 0 = all cores).
// Counter "GFLOPs" counts 4 N K d^2 flops per iteration (the E-step's Mahalanobis products and
// the M-step's covariance sums, as if both were full GEMMs).

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "bench/bench_main.h"
#include "core/data/json_fields.h"
#include "core/math/blas.h"
#include "core/models/gmm/gaussian_mixture.h"
#include "core/util/rng.h"

namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using genlab::gmm::GaussianMixture;
using genlab::gmm::GmmConfig;
using genlab::gmm::GmmParams;

struct Case {
  MatrixXd data;  // N x d
  GmmParams start;
};

Case generated(Index n, Index d, int k) {
  genlab::Rng rng(1);
  MatrixXd centres(k, d);
  for (Index i = 0; i < centres.size(); ++i) centres.data()[i] = 4.0 * rng.normal();
  Case c;
  c.data.resize(n, d);
  for (Index i = 0; i < n; ++i) {
    const auto j = static_cast<Index>(rng.below(static_cast<std::uint64_t>(k)));
    for (Index m = 0; m < d; ++m) c.data(i, m) = centres(j, m) + rng.normal();
  }
  c.start.weights = Eigen::VectorXd::Constant(k, 1.0 / k);
  c.start.means = centres.array() + 0.5;
  c.start.covariances.assign(static_cast<std::size_t>(k), MatrixXd::Identity(d, d) * 1.5);
  return c;
}

Case loadOrGenerate(Index n, Index d, int k) {
  const char* dir = std::getenv("GENLAB_GMM_BENCH_DIR");
  if (dir == nullptr) return generated(n, d, k);
  const std::string base = std::string(dir) + "/" + std::to_string(n) + "_" + std::to_string(d) +
                           "_" + std::to_string(k);
  Case c;
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rows(n, d);
  std::ifstream bin(base + ".f64", std::ios::binary);
  bin.read(reinterpret_cast<char*>(rows.data()),
           static_cast<std::streamsize>(sizeof(double) * static_cast<std::size_t>(n * d)));
  if (!bin)
    throw std::runtime_error(base + ".f64: cannot read " + std::to_string(n * d) + " doubles");
  c.data = rows;
  std::ifstream text(base + ".json");
  const auto json = nlohmann::json::parse(text);
  c.start.weights = genlab::data::readVector(json["weights"], "weights");
  c.start.means = genlab::data::readMatrix(json["means"], "means");
  for (const auto& cov : json["covariances"]) {
    c.start.covariances.push_back(genlab::data::readMatrix(cov, "covariances"));
  }
  return c;
}

int benchThreads() {
  const char* text = std::getenv("GENLAB_GMM_BENCH_THREADS");
  return text ? std::atoi(text) : 0;
}

void BM_GmmEmIteration(benchmark::State& state) {
  const Index n = state.range(0);
  const Index d = state.range(1);
  const int k = static_cast<int>(state.range(2));
  const Case c = loadOrGenerate(n, d, k);
  GmmConfig config;
  config.k = k;
  config.init = genlab::gmm::InitMethod::Manual;
  config.initialMeans = c.start.means;
  config.tol = 0.0;
  config.maxIter = 1'000'000;
  GaussianMixture model(config, c.data, 1);
  model.setThreads(benchThreads());
  model.setParameters(c.start);  // also runs the first E-step, outside the timing
  for (auto _ : state) {
    // Restart from the same parameters each time so every iteration does the same work; the
    // reset (and the E-step it runs) is not timed.
    state.PauseTiming();
    model.setParameters(c.start);
    state.ResumeTiming();
    model.iterate();  // M-step + E-step = one EM iteration
  }
  const double flops = 4.0 * static_cast<double>(n) * k * static_cast<double>(d * d);
  state.counters["GFLOPs"] =
      benchmark::Counter(flops * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["mean_ll"] = model.meanLogLikelihood();
}

// The E-step's product shape: (K d x d) times (d x columns), as one dgemm, OpenBLAS's own
// threading. Columns capped so the output stays in memory.
void BM_DgemmEStepShape(benchmark::State& state) {
  const Index d = state.range(0);
  const Index k = state.range(1);
  const Index cols = 8192;
  genlab::Rng rng(2);
  MatrixXd a(d, k * d);
  MatrixXd b(d, cols);
  MatrixXd c(k * d, cols);
  for (Index i = 0; i < a.size(); ++i) a.data()[i] = rng.normal();
  for (Index i = 0; i < b.size(); ++i) b.data()[i] = rng.normal();
  for (auto _ : state) {
    genlab::blas::gemm('T', 'N', static_cast<int>(k * d), static_cast<int>(cols),
                       static_cast<int>(d), 1.0, a.data(), static_cast<int>(d), b.data(),
                       static_cast<int>(d), 0.0, c.data(), static_cast<int>(k * d));
    benchmark::DoNotOptimize(c.data());
  }
  state.counters["GFLOPs"] = benchmark::Counter(2e-9 * static_cast<double>(k * d * d * cols),
                                                benchmark::Counter::kIsIterationInvariantRate);
}

// A large square dgemm: the machine's practical peak.
void BM_DgemmSquare(benchmark::State& state) {
  const Index n = state.range(0);
  genlab::Rng rng(3);
  MatrixXd a(n, n);
  MatrixXd b(n, n);
  MatrixXd c(n, n);
  for (Index i = 0; i < a.size(); ++i) a.data()[i] = rng.normal();
  for (Index i = 0; i < b.size(); ++i) b.data()[i] = rng.normal();
  for (auto _ : state) {
    genlab::blas::gemm('N', 'N', static_cast<int>(n), static_cast<int>(n), static_cast<int>(n), 1.0,
                       a.data(), static_cast<int>(n), b.data(), static_cast<int>(n), 0.0, c.data(),
                       static_cast<int>(n));
    benchmark::DoNotOptimize(c.data());
  }
  state.counters["GFLOPs"] = benchmark::Counter(2e-9 * static_cast<double>(n * n * n),
                                                benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

BENCHMARK(BM_GmmEmIteration)
    ->Args({100'000, 2, 5})
    ->Args({1'000'000, 2, 10})
    ->Args({100'000, 32, 16})
    ->Args({100'000, 50, 50})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_DgemmEStepShape)
    ->Args({32, 16})
    ->Args({50, 50})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_DgemmSquare)->Arg(2048)->Unit(benchmark::kMillisecond)->UseRealTime();

GENLAB_BENCHMARK_MAIN();
