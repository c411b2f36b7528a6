// Refusing a lesson that cannot fit in memory before any data is made, naming the setting.
#include "core/models/memory_estimate.h"

#include <gtest/gtest.h>

#include <string>

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
