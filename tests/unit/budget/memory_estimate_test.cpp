// Refusing a lesson that cannot fit in memory before any data is made, naming the setting.
#include "core/models/memory_estimate.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/data/image_datasets.h"
#include "core/models/registry.h"
#include "core/util/errors.h"

namespace genlab::models {
namespace {

lesson::Lesson hmmLesson(double length, int states) {
  lesson::Lesson lesson;
  lesson.file = "casino.json";
  lesson.model = "hmm";
  lesson.dataset = {{"kind", "sample"}, {"length", length}};
  lesson.settings = {{"states", states}};
  return lesson;
}

TEST(MemoryEstimate, GrowsWithTheSequenceAndTheStates) {
  const auto small = estimateTrainingMemory(hmmLesson(1000, 2));
  const auto longer = estimateTrainingMemory(hmmLesson(100000, 2));
  const auto wider = estimateTrainingMemory(hmmLesson(100000, 8));
  EXPECT_NEAR(static_cast<double>(longer.bytes) / static_cast<double>(small.bytes), 100.0, 1.0);
  EXPECT_GT(wider.bytes, 3 * longer.bytes);
  // T x K doubles for each of several tables: at least the three the views draw.
  EXPECT_GT(wider.bytes, 3u * 100000u * 8u * 8u);
  EXPECT_EQ(wider.largest, "dataset.length");
}

TEST(MemoryEstimate, RefusalNamesTheSettingAndWhatWouldFit) {
  const auto lesson = hmmLesson(1e7, 64);
  const std::uint64_t available = std::uint64_t{1} << 30;
  try {
    refuseIfTooLargeForMemory(lesson, available);
    FAIL() << "a 10-million-step, 64-state HMM was accepted with 1 GiB";
  } catch (const ConfigError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind("casino.json: dataset.length = 10000000", 0), 0u) << message;
    EXPECT_NE(message.find("1.0 GiB available"), std::string::npos) << message;
    // The length it suggests fits.
    const auto at = message.find("at most ");
    ASSERT_NE(at, std::string::npos) << message;
    const double suggested = std::stod(message.substr(at + 8));
    EXPECT_LE(estimateTrainingMemory(hmmLesson(suggested, 64)).bytes, available);
    EXPECT_GT(estimateTrainingMemory(hmmLesson(suggested * 1.1, 64)).bytes, available);
  }
  EXPECT_NO_THROW(refuseIfTooLargeForMemory(hmmLesson(300, 2), available));
  EXPECT_NO_THROW(refuseIfTooLargeForMemory(lesson, std::nullopt));  // unknown: no check
}

TEST(MemoryEstimate, GmmCountsPointsTimesComponents) {
  lesson::Lesson lesson;
  lesson.file = "blobs.json";
  lesson.model = "gmm";
  lesson.dataset = {{"kind", "blobs"}, {"n", 1e7}};
  lesson.settings = {{"k", 64}};
  const auto estimate = estimateTrainingMemory(lesson);
  EXPECT_EQ(estimate.largest, "dataset.n");
  EXPECT_GT(estimate.bytes, std::uint64_t{10'000'000} * 64 * 8);
}

}  // namespace
}  // namespace genlab::models

namespace genlab::data {
namespace {

// An IDX file whose header asks for more memory than there is is refused before it is read,
// naming the file; a file too short to hold what its header says is still "truncated".
TEST(DataFileMemory, AnIdxFileTooLargeForMemoryIsRefusedByItsHeader) {
  const auto file =
      std::filesystem::temp_directory_path() / ("genlab_idx_memory_" + std::to_string(::getpid()));
  {
    std::ofstream out(file, std::ios::binary);
    const unsigned char header[] = {0, 0, 8, 3, 0, 0, 0x03, 0xE8, 0, 0, 4, 0, 0, 0, 4, 0};
    out.write(reinterpret_cast<const char*>(header), sizeof header);  // 1000 of 1024 x 1024
    const std::string zeros(2 << 20, '\0');  // 2 MiB: could hold them compressed, not plain
    out.write(zeros.data(), static_cast<std::streamsize>(zeros.size()));
  }
  ::setenv("GENLAB_MEMORY_AVAILABLE", "64M", 1);
  try {
    readIdx(file);
    ADD_FAILURE() << "1000 images of 1024 x 1024 were read with 64 MiB available";
  } catch (const DataError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind(file.string() + ": 1000 images of 1024x1024 needs about", 0), 0u)
        << message;
    EXPECT_NE(message.find("64 MiB available"), std::string::npos) << message;
  }
  ::unsetenv("GENLAB_MEMORY_AVAILABLE");
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace genlab::data
