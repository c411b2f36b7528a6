// HMM speed: scaled forward-backward, one Baum-Welch iteration and Viterbi on T = 1e5
// observations with 1-D Gaussian emissions, K in {4, 16, 64}.
//
//   genlab_hmm_bench                        run the benchmarks (Google Benchmark flags apply)
//   genlab_hmm_bench --export=DIR           write, for each K, the model and data the peer
//                                           (bench/peers/hmm_pomegranate.py) loads, and
//                                           genlab's log-likelihoods, then exit
// bench/run_hmm_compare.sh runs both and prints the comparison.
//
// Denormals are flushed on the benchmark thread, as a training session does on its trainer
// thread (core/platform/threading.h).

#include <benchmark/benchmark.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "core/models/hmm/baum_welch.h"
#include "core/models/hmm/forward_backward.h"
#include "core/models/hmm/model_json.h"
#include "core/models/hmm/sampling.h"
#include "core/models/hmm/viterbi.h"
#include "core/platform/process_setup.h"
#include "core/platform/threading.h"

namespace {

using namespace genlab::hmm;

constexpr Index kLength = 100000;
constexpr std::uint64_t kSeed = 20240601;

// K states with means 0, 1, ..., K-1 and standard deviation 0.6, so neighbours overlap and
// the posteriors are genuinely mixed; stay with probability 0.8, else jump uniformly.
HmmModel benchModel(Index k) {
  HmmModel m;
  m.emission = EmissionKind::Gaussian;
  m.start = Eigen::VectorXd::Constant(k, 1.0 / static_cast<double>(k));
  m.transition = RowMatrix::Constant(k, k, k > 1 ? 0.2 / static_cast<double>(k - 1) : 0.0);
  m.transition.diagonal().setConstant(k > 1 ? 0.8 : 1.0);
  m.means.resize(k, 1);
  for (Index i = 0; i < k; ++i) m.means(i, 0) = static_cast<double>(i);
  m.variances = RowMatrix::Constant(k, 1, 0.36);
  return m;
}

struct Case {
  HmmModel model;
  Observations data;
};

const Case& benchCase(Index k) {
  static std::map<Index, Case> cases;
  auto it = cases.find(k);
  if (it == cases.end()) {
    genlab::Rng rng(kSeed + static_cast<std::uint64_t>(k));
    HmmModel model = benchModel(k);
    Observations data = sample(model, kLength, rng).observations;
    it = cases.emplace(k, Case{std::move(model), std::move(data)}).first;
  }
  return it->second;
}

void BM_ForwardBackward(benchmark::State& state) {
  const Case& c = benchCase(state.range(0));
  ForwardBackward fb;
  for (auto _ : state) {
    forwardBackward(c.model, c.data, fb);
    benchmark::DoNotOptimize(fb.beta.data());
  }
  state.counters["loglik"] = fb.logLikelihood;
}

void BM_BaumWelchIteration(benchmark::State& state) {
  const Case& c = benchCase(state.range(0));
  BaumWelch bw;
  const std::vector<Observations> seqs = {c.data};
  double ll = 0.0;
  for (auto _ : state) {
    HmmModel model = c.model;  // K^2 + 3K doubles: negligible next to the iteration
    ll = bw.iterate(model, seqs);
    benchmark::DoNotOptimize(model.transition.data());
  }
  state.counters["loglik"] = ll;
}

void BM_Viterbi(benchmark::State& state) {
  const Case& c = benchCase(state.range(0));
  double logProb = 0.0;
  for (auto _ : state) {
    const ViterbiResult r = viterbi(c.model, c.data);
    logProb = r.logProb;
    benchmark::DoNotOptimize(r.path.data());
  }
  state.counters["logprob"] = logProb;
}

BENCHMARK(BM_ForwardBackward)->Arg(4)->Arg(16)->Arg(64)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BaumWelchIteration)->Arg(4)->Arg(16)->Arg(64)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Viterbi)->Arg(4)->Arg(16)->Arg(64)->Unit(benchmark::kMillisecond);

// Writes hmm_K<k>_model.json, hmm_K<k>_data.txt (one value per line, round-trip precision)
// and hmm_K<k>_genlab.json (genlab's log-likelihoods) for each K.
int exportCases(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  for (Index k : {4, 16, 64}) {
    const Case& c = benchCase(k);
    const std::string stem = (dir / ("hmm_K" + std::to_string(k))).string();
    writeModelFile(c.model, stem + "_model.json");
    std::ofstream data(stem + "_data.txt");
    data.precision(17);
    for (Index t = 0; t < c.data.length(); ++t) data << c.data.values(t, 0) << "\n";
    HmmModel updated = c.model;
    const std::vector<Observations> seqs = {c.data};
    const double before = BaumWelch().iterate(updated, seqs);
    const nlohmann::json out = {{"loglik", before},
                                {"loglik_after_bw", logLikelihood(updated, c.data)},
                                {"viterbi_logprob", viterbi(c.model, c.data).logProb}};
    std::ofstream(stem + "_genlab.json") << out.dump(2) << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  genlab::platform::prepareProcess(argc, argv);  // as genlab runs
  genlab::platform::flushDenormalsOnThisThread();
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], "--export=", 9) == 0) return exportCases(argv[i] + 9);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
