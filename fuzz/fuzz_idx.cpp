// IDX image and label files, plain or gzipped (core/data/image_datasets.h readIdx): a lesson's
// {"kind": "idx"} dataset and Fashion-MNIST.
//
// Input: one byte of mode, then a file. Mode bit 0 clear: the file is an image file, read
// alone. Set: the file is a label file, read with an image file made to match the count its
// header announces (at most 64, so a valid pair is reachable). Bits 1-2: the `limit` (0-3).

#include <vector>

#include "core/data/image_datasets.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

namespace {

// A plain IDX image file of `count` 2x3 images.
std::vector<std::uint8_t> imageFile(std::uint32_t count) {
  std::vector<std::uint8_t> bytes = {0, 0, 8, 3};
  for (const std::uint32_t v : {count, 2u, 3u}) {
    for (int shift = 24; shift >= 0; shift -= 8)
      bytes.push_back(static_cast<std::uint8_t>(v >> shift));
  }
  for (std::uint32_t i = 0; i < count * 6; ++i) bytes.push_back(static_cast<std::uint8_t>(i * 37));
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const bool labels = (data[0] & 1) != 0;
  const int limit = (data[0] >> 1) & 3;
  const fuzz::InputFile file(data + 1, size - 1,
                             labels ? "labels-idx1-ubyte" : "images-idx3-ubyte");
  std::uint32_t count = 1;
  if (labels && size >= 9) {
    count = (std::uint32_t{data[5]} << 24) | (std::uint32_t{data[6]} << 16) |
            (std::uint32_t{data[7]} << 8) | std::uint32_t{data[8]};
    if (count == 0 || count > 64) count = 1;
  }
  const std::vector<std::uint8_t> images = imageFile(count);
  const fuzz::InputFile imagesFile(images.data(), images.size(), "paired-images-idx3-ubyte");

  const std::filesystem::path& named = file.path();
  fuzz::expectCleanRefusal(named.string(), [&] {
    const data::ImageSet set =
        labels ? data::readIdx(imagesFile.path(), named, limit) : data::readIdx(named, {}, limit);
    fuzz::check(set.count >= 1 && set.height >= 1 && set.width >= 1, "a non-empty set");
    fuzz::check(set.pixels.size() == static_cast<std::size_t>(set.count) * set.pixelsPerImage(),
                "count * height * width pixels");
    for (const float p : set.pixels) fuzz::check(p >= 0.0f && p <= 1.0f, "pixels in [0, 1]");
    if (labels) {
      fuzz::check(set.labels.size() == static_cast<std::size_t>(set.count), "one label per image");
      for (const int label : set.labels)
        fuzz::check(label >= 0 && static_cast<std::size_t>(label) < set.classNames.size(),
                    "labels name a class");
    }
  });
  return 0;
}
