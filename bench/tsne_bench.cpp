// genlab's Barnes-Hut t-SNE on the points bench/peers/tsne_sklearn.py writes (the peer side of
// bench/run_tsne_compare.sh). Not a Google Benchmark loop: one run of 1000 iterations is the
// figure, as one fit_transform is scikit-learn's.
//
//   genlab_tsne_bench run DATA.f64 DIM EMBEDDING.f64 THREADS [PERPLEXITY]
//       embeds DATA (N x DIM float64), writes the embedding, prints one JSON line: seconds
//       (wall clock, everything: neighbours, P, PCA, optimisation), cpu_seconds (the process's
//       CPU time over the same span), the part of the wall time before the optimiser,
//       the optimiser's own divergence, iterations.
//   genlab_tsne_bench kl DATA.f64 DIM THREADS [PERPLEXITY] EMBEDDING.f64...
//       the exact KL(P || Q) of each embedding (all N (N-1) pairs for Z) under genlab's P of
//       DATA, one JSON line: the same yardstick for both sides.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/math/tsne.h"
#include "core/platform/process_setup.h"

namespace {

using genlab::math::Embedding;
using genlab::math::RowMatrixXd;

std::vector<double> readDoubles(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error("cannot open " + path);
  const auto bytes = static_cast<std::size_t>(in.tellg());
  std::vector<double> v(bytes / sizeof(double));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(v.data()),
          static_cast<std::streamsize>(v.size() * sizeof(double)));
  return v;
}

RowMatrixXd readMatrix(const std::string& path, int cols) {
  const std::vector<double> v = readDoubles(path);
  const auto rows = static_cast<Eigen::Index>(v.size() / static_cast<std::size_t>(cols));
  return Eigen::Map<const RowMatrixXd>(v.data(), rows, cols);
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run(int argc, char** argv) {
  if (argc < 6) throw std::runtime_error("usage: run DATA DIM EMBEDDING THREADS [PERPLEXITY]");
  const RowMatrixXd x = readMatrix(argv[2], std::stoi(argv[3]));
  genlab::math::TsneOptions options;
  options.threads = std::stoi(argv[5]);
  if (argc > 6) options.perplexity = std::stod(argv[6]);
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpuStart = std::clock();
  double setup = 0.0;
  bool first = true;
  options.progressEvery = 1;
  const auto result = genlab::math::runTsne(x, options, {}, [&](const genlab::math::TsneProgress&) {
    if (first) setup = secondsSince(start);  // includes the first iteration: negligible
    first = false;
  });
  const double seconds = secondsSince(start);
  const double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
  std::ofstream out(argv[4], std::ios::binary);
  out.write(reinterpret_cast<const char*>(result.embedding.data()),
            static_cast<std::streamsize>(result.embedding.size() * sizeof(double)));
  std::printf(
      "{\"seconds\": %.3f, \"cpu_seconds\": %.3f, \"setup_seconds\": %.3f, \"kl\": %.6f, "
      "\"iterations\": %d}\n",
      seconds, cpu, setup, result.kl, result.iterations);
  return 0;
}

int kl(int argc, char** argv) {
  if (argc < 6) throw std::runtime_error("usage: kl DATA DIM THREADS PERPLEXITY EMBEDDING...");
  const RowMatrixXd x = readMatrix(argv[2], std::stoi(argv[3]));
  const int threads = std::stoi(argv[4]);
  const auto p = genlab::math::jointAffinitiesKnn(x, std::stod(argv[5]), threads);
  std::printf("{\"exact_kl\": [");
  for (int a = 6; a < argc; ++a) {
    const Embedding y = readMatrix(argv[a], 2);
    std::printf("%s%.6f", a > 6 ? ", " : "", genlab::math::exactKlDivergence(p, y, threads));
  }
  std::printf("]}\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  genlab::platform::prepareProcess(argc, argv);
  try {
    const std::string command = argc > 1 ? argv[1] : "";
    if (command == "run") return run(argc, argv);
    if (command == "kl") return kl(argc, argv);
    std::cerr << "usage: genlab_tsne_bench run|kl ... (see bench/tsne_bench.cpp)\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "genlab_tsne_bench: " << e.what() << "\n";
    return 1;
  }
}
