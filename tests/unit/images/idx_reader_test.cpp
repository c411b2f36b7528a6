#include <gtest/gtest.h>
#include <zlib.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <vector>

#include "core/data/image_datasets.h"
#include "core/util/errors.h"

namespace genlab::data {
namespace {

namespace fs = std::filesystem;

std::vector<unsigned char> bigEndian(std::uint32_t v) {
  return {static_cast<unsigned char>(v >> 24), static_cast<unsigned char>(v >> 16),
          static_cast<unsigned char>(v >> 8), static_cast<unsigned char>(v)};
}

std::vector<unsigned char> idx(std::uint32_t magic, std::vector<std::uint32_t> dims,
                               const std::vector<unsigned char>& values) {
  std::vector<unsigned char> bytes = bigEndian(magic);
  for (const auto d : dims) {
    const auto b = bigEndian(d);
    bytes.insert(bytes.end(), b.begin(), b.end());
  }
  bytes.insert(bytes.end(), values.begin(), values.end());
  return bytes;
}

class IdxFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() /
            ("genlab_idx_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  fs::path plain(const std::string& name, const std::vector<unsigned char>& bytes) {
    const fs::path path = m_dir / name;
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    return path;
  }
  fs::path gzipped(const std::string& name, const std::vector<unsigned char>& bytes) {
    const fs::path path = m_dir / name;
    gzFile file = gzopen(path.c_str(), "wb");
    gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(file);
    return path;
  }

  // Three 2x3 images with pixel values 0..17, labels 2, 0, 1.
  std::vector<unsigned char> pixels() const {
    std::vector<unsigned char> values(18);
    for (int i = 0; i < 18; ++i)
      values[static_cast<std::size_t>(i)] = static_cast<unsigned char>(i * 15);
    return values;
  }
  fs::path m_dir;
};

TEST_F(IdxFiles, PlainAndGzippedReadTheSamePixelsAndLabels) {
  const auto imageBytes = idx(0x803, {3, 2, 3}, pixels());
  const auto labelBytes = idx(0x801, {3}, {2, 0, 1});
  for (const bool zipped : {false, true}) {
    SCOPED_TRACE(zipped ? "gzip" : "plain");
    const fs::path images = zipped ? gzipped("i.gz", imageBytes) : plain("i", imageBytes);
    const fs::path labels = zipped ? gzipped("l.gz", labelBytes) : plain("l", labelBytes);
    const ImageSet set = readIdx(images, labels);
    ASSERT_EQ(set.count, 3);
    EXPECT_EQ(set.height, 2);
    EXPECT_EQ(set.width, 3);
    ASSERT_EQ(set.pixels.size(), 18u);
    EXPECT_FLOAT_EQ(set.image(1)[0], 6 * 15 / 255.0f);  // row-major, image after image
    EXPECT_FLOAT_EQ(set.image(2)[5], 1.0f);
    EXPECT_EQ(set.labels, (std::vector<int>{2, 0, 1}));
    EXPECT_EQ(set.classNames.size(), 3u);
  }
}

TEST_F(IdxFiles, LimitKeepsTheFirstImagesAndTheirLabels) {
  const ImageSet set = readIdx(plain("i", idx(0x803, {3, 2, 3}, pixels())),
                               plain("l", idx(0x801, {3}, {2, 0, 1})), 2);
  EXPECT_EQ(set.count, 2);
  EXPECT_EQ(set.pixels.size(), 12u);
  EXPECT_EQ(set.labels, (std::vector<int>{2, 0}));
}

TEST_F(IdxFiles, TruncatedFileNamesTheFileAndWhatWasExpected) {
  auto bytes = idx(0x803, {3, 2, 3}, pixels());
  bytes.resize(bytes.size() - 4);
  for (const bool zipped : {false, true}) {
    const fs::path path = zipped ? gzipped("cut.gz", bytes) : plain("cut", bytes);
    try {
      readIdx(path);
      FAIL() << "a truncated file was accepted";
    } catch (const DataError& error) {
      const std::string what = error.what();
      EXPECT_NE(what.find(path.string()), std::string::npos) << what;
      EXPECT_NE(what.find("truncated"), std::string::npos) << what;
      EXPECT_NE(what.find("18 bytes"), std::string::npos) << what;
    }
  }
}

TEST_F(IdxFiles, LabelFileGivenAsImagesIsNamedAsSuch) {
  const fs::path labels = plain("labels", idx(0x801, {3}, {2, 0, 1}));
  try {
    readIdx(labels);
    FAIL();
  } catch (const DataError& error) {
    const std::string what = error.what();
    EXPECT_NE(what.find("this is a label file"), std::string::npos) << what;
    EXPECT_NE(what.find("0x00000803"), std::string::npos) << what;
  }
}

TEST_F(IdxFiles, LabelCountThatDisagreesNamesBothFiles) {
  const fs::path images = plain("images", idx(0x803, {3, 2, 3}, pixels()));
  const fs::path labels = plain("labels", idx(0x801, {2}, {0, 1}));
  try {
    readIdx(images, labels);
    FAIL();
  } catch (const DataError& error) {
    const std::string what = error.what();
    EXPECT_NE(what.find(labels.string() + ": 2 labels"), std::string::npos) << what;
    EXPECT_NE(what.find(images.string() + " has 3 images"), std::string::npos) << what;
  }
}

TEST_F(IdxFiles, TrailingBytesAndMissingFilesAreErrors) {
  auto bytes = idx(0x803, {3, 2, 3}, pixels());
  bytes.push_back(7);
  EXPECT_THROW(readIdx(plain("long", bytes)), DataError);
  EXPECT_THROW(readIdx(m_dir / "absent.gz"), DataError);
  EXPECT_THROW(readIdx(plain("text", {'h', 'e', 'l', 'l', 'o', '\n', 'x', 'y'})), DataError);
}

TEST(FashionMnist, TestSplitHasAThousandImagesOfEachClass) {
  const fs::path dir = fashionMnistDirectory();
  if (dir.empty()) GTEST_SKIP() << "dataset-fashion-mnist is not installed";
  const ImageSet test =
      readIdx(dir / "t10k-images-idx3-ubyte.gz", dir / "t10k-labels-idx1-ubyte.gz");
  ASSERT_EQ(test.count, 10000);
  EXPECT_EQ(test.height, 28);
  EXPECT_EQ(test.width, 28);
  std::array<int, 10> perClass{};
  for (const int label : test.labels) ++perClass.at(static_cast<std::size_t>(label));
  for (const int n : perClass) EXPECT_EQ(n, 1000);  // the published split is balanced
  float lo = 1, hi = 0;
  for (const float p : test.pixels) {
    lo = std::min(lo, p);
    hi = std::max(hi, p);
  }
  EXPECT_EQ(lo, 0.0f);
  EXPECT_EQ(hi, 1.0f);
}

}  // namespace
}  // namespace genlab::data
