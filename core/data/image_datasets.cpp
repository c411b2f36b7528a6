#include "core/data/image_datasets.h"

#include <algorithm>
#include <numeric>

#include "core/data/binary_images.h"
#include "core/data/json_fields.h"
#include "core/util/errors.h"

namespace genlab::data {
namespace {

constexpr const char* kImagePrefix = "dataset";

std::string imageKey(std::string_view name) {
  return joinKey(kImagePrefix, name);
}

int readLimit(const nlohmann::json& spec, const char* name) {
  return spec.contains(name) ? static_cast<int>(readInt(spec[name], imageKey(name), 1, 10'000'000))
                             : 0;
}

std::filesystem::path resolve(const std::filesystem::path& path,
                              const std::filesystem::path& baseDir) {
  return path.is_relative() && !baseDir.empty() ? baseDir / path : path;
}

// Images [first, first + n) of `all`, with their labels and factors.
ImageSet slice(const ImageSet& all, const std::vector<int>& order, std::size_t first,
               std::size_t n) {
  ImageSet part;
  part.height = all.height;
  part.width = all.width;
  part.classNames = all.classNames;
  part.factorNames = all.factorNames;
  part.factorLevels = all.factorLevels;
  part.count = static_cast<int>(n);
  const auto pixels = static_cast<std::size_t>(all.pixelsPerImage());
  const std::size_t factors = all.factorNames.size();
  part.pixels.reserve(n * pixels);
  for (std::size_t i = first; i < first + n; ++i) {
    const auto source = static_cast<std::size_t>(order[i]);
    const auto image = all.image(static_cast<int>(source));
    part.pixels.insert(part.pixels.end(), image.begin(), image.end());
    if (all.hasLabels()) part.labels.push_back(all.labels[source]);
    for (std::size_t f = 0; f < factors; ++f) {
      part.factors.push_back(all.factors[source * factors + f]);
    }
  }
  return part;
}

ImageSplit fashionMnist(const nlohmann::json& spec) {
  requireObjectWithKeys(spec, kImagePrefix, {"kind", "dir", "train", "test", "binarize"});
  std::filesystem::path dir = spec.contains("dir")
                                  ? std::filesystem::path(readString(spec["dir"], imageKey("dir")))
                                  : fashionMnistDirectory();
  if (dir.empty()) {
    throw DataError(
        "dataset: Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist puts it "
        "in /usr/share/datasets/fashion-mnist)");
  }
  ImageSplit split;
  split.train = readIdx(dir / "train-images-idx3-ubyte.gz", dir / "train-labels-idx1-ubyte.gz",
                        readLimit(spec, "train"));
  split.test = readIdx(dir / "t10k-images-idx3-ubyte.gz", dir / "t10k-labels-idx1-ubyte.gz",
                       readLimit(spec, "test"));
  split.train.classNames = fashionMnistClassNames();
  split.test.classNames = fashionMnistClassNames();
  return split;
}

ImageSplit idxFiles(const nlohmann::json& spec, const std::filesystem::path& baseDir) {
  requireObjectWithKeys(spec, kImagePrefix,
                        {"kind", "train_images", "train_labels", "test_images", "test_labels",
                         "train", "test", "binarize"});
  auto path = [&](const char* name) -> std::filesystem::path {
    if (!spec.contains(name)) return {};
    return resolve(readString(spec[name], imageKey(name)), baseDir);
  };
  if (!spec.contains("train_images")) throw ConfigError(imageKey("train_images") + ": required");
  if (!spec.contains("test_images")) throw ConfigError(imageKey("test_images") + ": required");
  ImageSplit split;
  split.train = readIdx(path("train_images"), path("train_labels"), readLimit(spec, "train"));
  split.test = readIdx(path("test_images"), path("test_labels"), readLimit(spec, "test"));
  if (split.train.height != split.test.height || split.train.width != split.test.width) {
    throw DataError(path("test_images").string() + ": images are " +
                    std::to_string(split.test.height) + "x" + std::to_string(split.test.width) +
                    ", the training images " + std::to_string(split.train.height) + "x" +
                    std::to_string(split.train.width));
  }
  return split;
}

// `test` images of `all` held out at random (Fisher-Yates with the dataset's own Rng: the split
// is fixed by the seed), the rest train.
ImageSplit holdOut(const ImageSet& all, int test, Rng& rng) {
  std::vector<int> order(static_cast<std::size_t>(all.count));
  std::iota(order.begin(), order.end(), 0);
  for (std::size_t i = order.size() - 1; i > 0; --i) {
    std::swap(order[i], order[static_cast<std::size_t>(rng.below(i + 1))]);
  }
  const auto testCount = static_cast<std::size_t>(test);
  ImageSplit split;
  split.test = slice(all, order, 0, testCount);
  split.train = slice(all, order, testCount, order.size() - testCount);
  return split;
}

ImageSplit shapes(const nlohmann::json& spec, Rng& rng) {
  requireObjectWithKeys(spec, kImagePrefix, {"kind", "test", "binarize"});
  const ImageSet all = makeShapes();
  const int test = spec.contains("test")
                       ? static_cast<int>(readInt(spec["test"], imageKey("test"), 1, all.count - 1))
                       : 1000;
  return holdOut(all, test, rng);
}

ImageSplit digits(const nlohmann::json& spec, Rng& rng) {
  requireObjectWithKeys(spec, kImagePrefix, {"kind", "test", "binarize"});
  const auto path = sklearnDigitsPath();
  if (path.empty()) {
    throw DataError(
        "digits: scikit-learn's digits.csv.gz is not installed (Debian package "
        "python3-sklearn)");
  }
  const ImageSet all = readDigits(path);
  const int test = spec.contains("test")
                       ? static_cast<int>(readInt(spec["test"], imageKey("test"), 1, all.count - 1))
                       : 297;
  return holdOut(all, test, rng);
}

// "binarize": "threshold" or "sample" (binary_images.h), applied to both splits; the sampled
// pixels come from the dataset's Rng, after the split.
void binarize(const nlohmann::json& spec, ImageSplit& split, Rng& rng) {
  if (!spec.contains("binarize")) return;
  const std::string rule = readString(spec["binarize"], imageKey("binarize"));
  if (rule == "threshold") {
    binarizeByThreshold(split.train);
    binarizeByThreshold(split.test);
  } else if (rule == "sample") {
    binarizeBySampling(split.train, rng);
    binarizeBySampling(split.test, rng);
  } else if (rule != "none") {
    throw ConfigError(imageKey("binarize") + ": \"" + rule +
                      "\" is not one of \"threshold\", \"sample\", \"none\"");
  }
}

}  // namespace

std::filesystem::path fashionMnistDirectory() {
  const std::filesystem::path dir = "/usr/share/datasets/fashion-mnist";
  std::error_code error;
  return std::filesystem::exists(dir / "train-images-idx3-ubyte.gz", error)
             ? dir
             : std::filesystem::path{};
}

const std::vector<std::string>& fashionMnistClassNames() {
  // Zalando Research's label table (github.com/zalandoresearch/fashion-mnist, "Labels").
  static const std::vector<std::string> names = {"T-shirt/top", "Trouser",   "Pullover", "Dress",
                                                 "Coat",        "Sandal",    "Shirt",    "Sneaker",
                                                 "Bag",         "Ankle boot"};
  return names;
}

std::vector<std::string> imageFactorNames(const nlohmann::json& spec) {
  const bool shapes = spec.is_object() && spec.contains("kind") && spec["kind"] == "shapes";
  return shapes ? shapesFactorNames() : std::vector<std::string>{};
}

ImageSplit makeImageDatasets(const nlohmann::json& spec, Rng& rng,
                             const std::filesystem::path& baseDir) {
  if (!spec.is_object() || !spec.contains("kind")) {
    throw ConfigError(imageKey("kind") + ": required (\"fashion_mnist\", \"idx\" or \"shapes\")");
  }
  const std::string kind = readString(spec["kind"], imageKey("kind"));
  ImageSplit split;
  if (kind == "fashion_mnist") {
    split = fashionMnist(spec);
  } else if (kind == "idx") {
    split = idxFiles(spec, baseDir);
  } else if (kind == "shapes") {
    split = shapes(spec, rng);
  } else if (kind == "digits") {
    split = digits(spec, rng);
  } else {
    throw ConfigError(imageKey("kind") + ": unknown image dataset \"" + kind +
                      "\" (known: fashion_mnist, idx, shapes, digits)");
  }
  binarize(spec, split, rng);
  return split;
}

}  // namespace genlab::data
