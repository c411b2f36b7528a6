#pragma once
// Image datasets: reading IDX files (MNIST format, gzipped or not), Debian's Fashion-MNIST, and
// the procedural shapes. Strict like the point datasets: a bad spec throws ConfigError naming
// "dataset.<key>", a bad file throws DataError naming the file and what was expected.
//
// Lesson "dataset" objects:
//   {"kind": "fashion_mnist", "train": 60000, "test": 10000}
//       Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist, or "dir": ...);
//       "train"/"test" keep the first N images of each split (default: all).
//   {"kind": "idx", "train_images": "a-idx3-ubyte.gz", "train_labels": "a-idx1-ubyte.gz",
//    "test_images": "...", "test_labels": "..."}        (labels optional; paths relative to
//                                                         the lesson's folder)
//   {"kind": "shapes", "test": 1000}
//       28x28 binary sprites over all combinations of the known factors (see makeShapes);
//       "test" images are held out at random (with the dataset's Rng), the rest train.
//   {"kind": "digits", "test": 297}
//       scikit-learn's 1797 8x8 digits (python3-sklearn's digits.csv.gz, pixels v / 16),
//       "test" held out at random as for the shapes.
// Every kind also takes "binarize": "threshold" (grey >= 0.5 is 1), "sample" (1 with the grey
// value's probability, from the dataset's Rng) or "none" (default): see binary_images.h.

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/data/image_set.h"
#include "core/util/rng.h"

namespace genlab::data {

// Reads an IDX image file (magic 0x00000803, u8 pixels) and optionally its label file (magic
// 0x00000801); gzip is detected by its magic bytes. `limit` > 0 keeps the first `limit` images.
ImageSet readIdx(const std::filesystem::path& images, const std::filesystem::path& labels = {},
                 int limit = 0);

// Where Debian installs Fashion-MNIST; empty path when it is not installed.
std::filesystem::path fashionMnistDirectory();

// The ten Fashion-MNIST classes, "T-shirt/top" ... "Ankle boot".
const std::vector<std::string>& fashionMnistClassNames();

// dSprites-like shapes, 28x28, pixels 0 or 1. Factors: shape (square, ellipse, triangle),
// scale (4 levels), rotation (8 levels over the shape's symmetry), x (7), y (7). One image per
// combination, in factor order: 3*4*8*7*7 = 4704 images. As in dSprites, the smallest squares
// look the same at some rotations: binary pixels cannot tell them apart.
ImageSet makeShapes();

// The shapes' factor names in the order of ImageSet::factors: shape, scale, rotation, x, y.
const std::vector<std::string>& shapesFactorNames();

// The names of the known factors the images of dataset `spec` carry, without making or reading
// them, so a lesson's display options can be checked when it loads: the shapes' for "shapes",
// none for the other kinds (and none for a spec makeImageDatasets rejects: it says why).
std::vector<std::string> imageFactorNames(const nlohmann::json& spec);

ImageSplit makeImageDatasets(const nlohmann::json& spec, Rng& rng,
                             const std::filesystem::path& baseDir = {});

}  // namespace genlab::data
