// IDX files (the MNIST format): a 4-byte magic (0, 0, type 0x08 = unsigned byte, number of
// dimensions), the dimensions as big-endian u32, then the values. zlib's gzread reads gzipped
// and plain files alike, so one path serves both.

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/data/image_datasets.h"
#include "core/platform/memory_info.h"
#include "core/util/errors.h"

namespace genlab::data {
namespace {

struct GzCloser {
  void operator()(gzFile file) const { gzclose(file); }
};
using GzFile = std::unique_ptr<std::remove_pointer_t<gzFile>, GzCloser>;

std::string hex(std::uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08x", value);
  return text;
}

class IdxFile {
 public:
  explicit IdxFile(const std::filesystem::path& path) : m_path(path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
      throw DataError(path.string() + ": cannot open (no such file)");
    }
    m_file.reset(gzopen(path.c_str(), "rb"));
    if (!m_file) throw DataError(path.string() + ": cannot open");
    gzbuffer(m_file.get(), 1 << 18);
  }

  // Reads exactly `size` bytes or throws, naming `what` was being read. For a read in parts,
  // `before` bytes of the `total` were read by earlier calls (the message counts them).
  void read(void* into, std::size_t size, const std::string& what, std::size_t before = 0,
            std::size_t total = 0) {
    auto* bytes = static_cast<unsigned char*>(into);
    std::size_t done = 0;
    while (done < size) {
      const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(size - done, 1u << 30));
      const int got = gzread(m_file.get(), bytes + done, chunk);
      if (got < 0) {
        int code = 0;
        const char* message = gzerror(m_file.get(), &code);
        throw DataError(m_path.string() + ": corrupt gzip data while reading " + what + " (" +
                        message + ")");
      }
      if (got == 0) {
        throw DataError(m_path.string() + ": truncated: " + what + " needs " +
                        std::to_string(total > 0 ? total : size) + " bytes, the file ends after " +
                        std::to_string(before + done));
      }
      done += static_cast<std::size_t>(got);
    }
  }

  // Reads exactly `size` bytes or throws, like read(), into a buffer that grows as the bytes
  // arrive (doubling from 64 KiB) rather than one sized from the header: a 16-byte file that
  // announces ten million 1024x1024 images is refused as truncated, not met with a 10 TB
  // allocation first.
  std::vector<unsigned char> readBytes(std::size_t size, const std::string& what) {
    std::vector<unsigned char> bytes;
    while (bytes.size() < size) {
      const std::size_t done = bytes.size();
      const std::size_t chunk = std::min(size - done, std::max<std::size_t>(done, 1u << 16));
      bytes.resize(done + chunk);
      read(bytes.data() + done, chunk, what, done, size);
    }
    return bytes;
  }

  std::uint32_t readBigEndian32(const std::string& what) {
    std::array<unsigned char, 4> b{};
    read(b.data(), b.size(), what);
    return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
           std::uint32_t{b[3]};
  }

  // The header; throws unless it is unsigned-byte data with `dims` dimensions.
  std::vector<std::uint32_t> readHeader(int dims, const char* kind) {
    const std::uint32_t magic = readBigEndian32("the header");
    const std::uint32_t expected = 0x0800u + static_cast<std::uint32_t>(dims);
    if (magic != expected) {
      std::string hint;
      if (magic == 0x0801u) hint = " (this is a label file)";
      if (magic == 0x0803u) hint = " (this is an image file)";
      if ((magic >> 16) != 0) hint = " (not an IDX file)";
      throw DataError(m_path.string() + ": not an IDX " + kind + " file: magic " + hex(magic) +
                      hint + ", expected " + hex(expected));
    }
    std::vector<std::uint32_t> sizes;
    for (int i = 0; i < dims; ++i) {
      sizes.push_back(readBigEndian32("dimension " + std::to_string(i + 1)));
    }
    return sizes;
  }

  // True when nothing follows what was read (trailing bytes mean the header lied).
  bool atEnd() {
    unsigned char extra = 0;
    return gzread(m_file.get(), &extra, 1) == 0;
  }

  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
  GzFile m_file;
};

}  // namespace

ImageSet readIdx(const std::filesystem::path& imagesPath, const std::filesystem::path& labelsPath,
                 int limit) {
  IdxFile images(imagesPath);
  const auto sizes = images.readHeader(3, "image");
  const std::uint32_t count = sizes[0];
  const std::uint32_t rows = sizes[1];
  const std::uint32_t cols = sizes[2];
  if (rows == 0 || cols == 0 || rows > 1024 || cols > 1024) {
    throw DataError(imagesPath.string() + ": images of " + std::to_string(rows) + "x" +
                    std::to_string(cols) + " pixels: expected 1 to 1024 on each side");
  }
  if (count == 0 || count > 10'000'000) {
    throw DataError(imagesPath.string() + ": " + std::to_string(count) +
                    " images: expected 1 to 10000000");
  }
  const std::uint32_t kept = limit > 0 ? std::min(count, static_cast<std::uint32_t>(limit)) : count;

  ImageSet set;
  set.count = static_cast<int>(kept);
  set.height = static_cast<int>(rows);
  set.width = static_cast<int>(cols);
  const std::size_t pixelCount = std::size_t{kept} * rows * cols;
  // The bytes as read, then as floats: refused before reading rather than half-way through.
  // Only for a file that could hold them (deflate packs at most 1032 to 1); a shorter one is
  // reported as truncated by the read, which allocates only what is there.
  std::error_code sizeError;
  const auto onDisk = std::filesystem::file_size(imagesPath, sizeError);
  if (!sizeError && onDisk >= pixelCount / 1032) {
    if (const std::string shortfall = platform::memoryShortfall(pixelCount * (1 + sizeof(float)));
        !shortfall.empty())
      throw DataError(imagesPath.string() + ": " + std::to_string(kept) + " images of " +
                      std::to_string(rows) + "x" + std::to_string(cols) + " " + shortfall);
  }
  const std::vector<unsigned char> bytes =
      images.readBytes(pixelCount, std::to_string(kept) + " images of " + std::to_string(rows) +
                                       "x" + std::to_string(cols));
  if (kept == count && !images.atEnd()) {
    throw DataError(imagesPath.string() + ": bytes after the " + std::to_string(count) +
                    " images the header announces");
  }
  set.pixels.resize(pixelCount);
  for (std::size_t i = 0; i < pixelCount; ++i) set.pixels[i] = bytes[i] * (1.0f / 255.0f);

  if (!labelsPath.empty()) {
    IdxFile labels(labelsPath);
    const std::uint32_t labelCount = labels.readHeader(1, "label")[0];
    if (labelCount != count) {
      throw DataError(labelsPath.string() + ": " + std::to_string(labelCount) + " labels, but " +
                      imagesPath.string() + " has " + std::to_string(count) + " images");
    }
    const std::vector<unsigned char> values =
        labels.readBytes(kept, std::to_string(kept) + " labels");
    if (kept == count && !labels.atEnd()) {
      throw DataError(labelsPath.string() + ": bytes after the " + std::to_string(count) +
                      " labels the header announces");
    }
    set.labels.assign(values.begin(), values.end());
    int classes = 0;
    for (const int label : set.labels) classes = std::max(classes, label + 1);
    for (int c = 0; c < classes; ++c) set.classNames.push_back("class " + std::to_string(c));
  }
  return set;
}

}  // namespace genlab::data
