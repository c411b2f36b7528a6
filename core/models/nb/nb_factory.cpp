#include "core/models/nb/nb_factory.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "core/data/binary_images.h"
#include "core/data/image_datasets.h"
#include "core/data/json_fields.h"
#include "core/data/point_dataset.h"
#include "core/models/nb/nb_trainer.h"
#include "core/util/errors.h"
#include "core/util/rng.h"

namespace genlab::nb {
namespace {

// The same stream registry.cpp gives the other models' data.
constexpr std::uint64_t kDatasetStream = 0x9E3779B97F4A7C15ull;

NbSnapshot::Data imageData(const lesson::Lesson& lesson, Rng& rng) {
  data::ImageSplit split = data::makeImageDatasets(lesson.dataset, rng, lesson.file.parent_path());
  if (!split.train.hasLabels() || !split.test.hasLabels()) {
    throw DataError("dataset: Naive Bayes is a classifier: the images need labels");
  }
  NbSnapshot::Data d;
  d.train = data::imagesAsRows(split.train);
  d.test = data::imagesAsRows(split.test);
  d.trainLabels = split.train.labels;
  d.testLabels = split.test.labels;
  d.classNames = split.train.classNames;
  d.height = split.train.height;
  d.width = split.train.width;
  return d;
}

NbSnapshot::Data pointData(const lesson::Lesson& lesson, Rng& rng) {
  nlohmann::json spec = lesson.dataset;
  long long test = -1;
  if (spec.is_object() && spec.contains("test")) {
    test = data::readInt(spec["test"], "dataset.test", 1, 10'000'000);
    spec.erase("test");
  }
  data::PointSet points = data::makeDataset(spec, rng, lesson.file.parent_path());
  if (points.labels.empty()) {
    throw DataError(
        "dataset: Naive Bayes is a classifier: the points need labels (blobs, "
        "anisotropic, moons, rings)");
  }
  const Eigen::Index n = points.points.rows();
  if (test < 0) test = n / 4;
  if (test >= n) {
    throw ConfigError("dataset.test: " + std::to_string(test) + " held out of " +
                      std::to_string(n) + " points leaves none to train on");
  }
  // A random permutation (Fisher-Yates on the dataset's Rng): the last `test` are held out.
  std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  for (std::size_t i = order.size() - 1; i > 0; --i)
    std::swap(order[i], order[static_cast<std::size_t>(rng.below(i + 1))]);
  const Eigen::Index trainCount = n - static_cast<Eigen::Index>(test);
  NbSnapshot::Data d;
  d.train.resize(trainCount, points.points.cols());
  d.test.resize(n - trainCount, points.points.cols());
  int classes = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::Index from = order[static_cast<std::size_t>(i)];
    const int label = points.labels[static_cast<std::size_t>(from)];
    classes = std::max(classes, label + 1);
    if (i < trainCount) {
      d.train.row(i) = points.points.row(from);
      d.trainLabels.push_back(label);
    } else {
      d.test.row(i - trainCount) = points.points.row(from);
      d.testLabels.push_back(label);
    }
  }
  for (int c = 0; c < classes; ++c) d.classNames.push_back("class " + std::to_string(c + 1));
  return d;
}

}  // namespace

bool isImageDataset(const nlohmann::json& spec) {
  if (!spec.is_object() || !spec.contains("kind") || !spec["kind"].is_string()) return false;
  const std::string kind = spec["kind"].get<std::string>();
  return kind == "digits" || kind == "fashion_mnist" || kind == "idx" || kind == "shapes";
}

std::unique_ptr<train::Trainer> makeNb(const lesson::Lesson& lesson, std::uint64_t seed) {
  const bool images = isImageDataset(lesson.dataset);
  // Settings first: a typo is reported before a data file is read.
  const NbSettings settings = NbSettings::fromJson(lesson.settings, images);
  Rng dataRng(seed ^ kDatasetStream);
  NbSnapshot::Data data = images ? imageData(lesson, dataRng) : pointData(lesson, dataRng);
  return std::make_unique<NbTrainer>(settings, std::move(data), seed);
}

}  // namespace genlab::nb
