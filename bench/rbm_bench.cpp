// RBM training speed: one epoch of PCD-1 (batch 10, learning rate 0.1: scikit-learn's
// BernoulliRBM defaults) on binarised images, minibatches in file order as scikit-learn takes
// them. Arg pairs (dataset, hidden): dataset 0 is scikit-learn's 8x8 digits (the first 1500,
// pixel >= 8 of 16 is 1), 1 is Fashion-MNIST's 60000 training images (pixel >= 128 of 255).
// The peer is bench/peers/rbm_sklearn.py; bench/run_rbm_compare.sh runs both, one thread each.

#include <benchmark/benchmark.h>

#include <iostream>

#include "bench/bench_main.h"
#include "core/data/binary_images.h"
#include "core/data/image_datasets.h"
#include "core/models/rbm/rbm_learning.h"

namespace {

using Eigen::MatrixXd;
using genlab::rbm::ContrastiveDivergence;
using genlab::rbm::LearningSettings;
using genlab::rbm::Rbm;

const MatrixXd& images(int dataset) {
  static const MatrixXd digits = [] {
    const auto path = genlab::data::sklearnDigitsPath();
    if (path.empty()) {
      std::cerr << "rbm_bench: python3-sklearn's digits are not installed\n";
      std::exit(1);
    }
    auto set = genlab::data::readDigits(path);
    genlab::data::binarizeByThreshold(set);
    return MatrixXd(genlab::data::imagesAsRows(set).topRows(1500));
  }();
  static const MatrixXd fashion = [] {
    const auto dir = genlab::data::fashionMnistDirectory();
    if (dir.empty()) {
      std::cerr << "rbm_bench: dataset-fashion-mnist is not installed\n";
      std::exit(1);
    }
    auto set = genlab::data::readIdx(dir / "train-images-idx3-ubyte.gz");
    genlab::data::binarizeByThreshold(set);
    return genlab::data::imagesAsRows(set);
  }();
  return dataset == 0 ? digits : fashion;
}

void BM_RbmPcdEpoch(benchmark::State& state) {
  const MatrixXd& data = images(static_cast<int>(state.range(0)));
  const auto hidden = static_cast<Eigen::Index>(state.range(1));
  constexpr Eigen::Index kBatch = 10;
  LearningSettings settings;
  settings.persistent = true;
  settings.learningRate = 0.1;
  Rbm rbm = Rbm::random(data.cols(), hidden, 1);
  ContrastiveDivergence pcd(settings, data.cols(), hidden, kBatch);
  genlab::Rng rng(2);
  const auto uniforms = genlab::rbm::uniformsFrom(rng);
  for (auto _ : state) {
    for (Eigen::Index start = 0; start < data.rows(); start += kBatch) {
      pcd.update(rbm, data.middleRows(start, std::min(kBatch, data.rows() - start)), uniforms);
    }
    benchmark::DoNotOptimize(rbm.weights.data());
  }
  state.counters["images"] = static_cast<double>(data.rows());
}

BENCHMARK(BM_RbmPcdEpoch)->Args({0, 64})->Args({1, 256})->Unit(benchmark::kMillisecond);

}  // namespace

GENLAB_BENCHMARK_MAIN();
