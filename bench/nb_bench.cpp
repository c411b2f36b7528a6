// Naive Bayes speed on Fashion-MNIST (60000 x 784, grey values u8 / 255 in double): fit, and
// predict_proba on the same 60000 images, for the Gaussian and the Bernoulli (binarize 0.5)
// kinds. The peer is bench/peers/nb_sklearn.py; bench/run_nb_compare.sh runs both, one thread
// each, and prints the ratios. Each benchmark reports the mean log p(x) it finds (nats per
// image), which the peer prints too, as a check that both sides fit the same model.

#include <benchmark/benchmark.h>

#include <cmath>
#include <iostream>

#include "bench/bench_main.h"
#include "core/data/binary_images.h"
#include "core/data/image_datasets.h"
#include "core/models/nb/naive_bayes.h"

namespace {

using genlab::nb::NaiveBayes;
using genlab::nb::NbConfig;
using genlab::nb::NbKind;

struct FashionTrain {
  Eigen::MatrixXd images;  // 60000 x 784
  std::vector<int> labels;
};

const FashionTrain& fashion() {
  static const FashionTrain data = [] {
    const auto dir = genlab::data::fashionMnistDirectory();
    if (dir.empty()) {
      std::cerr << "nb_bench: dataset-fashion-mnist is not installed\n";
      std::exit(1);
    }
    const auto set = genlab::data::readIdx(dir / "train-images-idx3-ubyte.gz",
                                           dir / "train-labels-idx1-ubyte.gz");
    // ImageSet keeps float u8 / 255; back to the byte, then / 255 in double, as numpy does.
    FashionTrain out{genlab::data::imagesAsRows(set), set.labels};
    out.images = (out.images * 255.0).array().round() / 255.0;
    return out;
  }();
  return data;
}

NbConfig configFor(int kind) {
  NbConfig config;
  config.kind = kind == 0 ? NbKind::Gaussian : NbKind::Bernoulli;
  config.binarize = 0.5;
  return config;
}

void reportLikelihood(benchmark::State& state, const NaiveBayes& model) {
  state.counters["mean_log_px"] = model.marginalLogLikelihood(fashion().images).mean();
}

void BM_NbFit(benchmark::State& state) {
  const auto& data = fashion();
  const NbConfig config = configFor(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    NaiveBayes model(config, data.images, data.labels, 10);
    benchmark::DoNotOptimize(model.classLogPrior().data());
  }
  reportLikelihood(state, NaiveBayes(config, data.images, data.labels, 10));
}

void BM_NbPredictProba(benchmark::State& state) {
  const auto& data = fashion();
  const NaiveBayes model(configFor(static_cast<int>(state.range(0))), data.images, data.labels, 10);
  for (auto _ : state) {
    const Eigen::MatrixXd proba = model.predictProba(data.images);
    benchmark::DoNotOptimize(proba.data());
  }
  reportLikelihood(state, model);
}

// Arg 0: Gaussian, 1: Bernoulli.
BENCHMARK(BM_NbFit)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NbPredictProba)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

GENLAB_BENCHMARK_MAIN();
