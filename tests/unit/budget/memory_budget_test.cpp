// Parsing --memory-budget, and the shares of the whole it gives each store.
#include "core/train/memory_budget.h"

#include <gtest/gtest.h>

#include "core/util/errors.h"

namespace genlab::train {
namespace {

TEST(MemoryBudget, ParsesSizesInPowersOf1024) {
  EXPECT_EQ(parseByteSize("512M", "--memory-budget"), 512u << 20);
  EXPECT_EQ(parseByteSize("2G", "--memory-budget"), std::size_t{2} << 30);
  EXPECT_EQ(parseByteSize("1.5GiB", "x"), (std::size_t{3} << 30) / 2);
  EXPECT_EQ(parseByteSize("300 mb", "x"), 300u << 20);
  EXPECT_EQ(parseByteSize("33554432", "x"), 32u << 20);
}

TEST(MemoryBudget, RefusesNonsenseNamingTheOption) {
  for (const char* bad : {"", "lots", "512X", "-1G", "1M", "nan"}) {
    try {
      parseByteSize(bad, "--memory-budget");
      ADD_FAILURE() << "accepted \"" << bad << "\"";
    } catch (const ConfigError& error) {
      EXPECT_NE(std::string(error.what()).find("--memory-budget"), std::string::npos) << bad;
    }
  }
}

TEST(MemoryBudget, SharesAddUpToTheTotal) {
  MemoryBudget budget;
  EXPECT_EQ(budget.total, 512u << 20);
  EXPECT_EQ(budget.timeline() + budget.metrics() + budget.openRuns(), budget.total);
  EXPECT_GT(budget.timeline(), budget.openRuns());
}

TEST(MemoryBudget, FormatsForPeople) {
  EXPECT_EQ(formatBytes(512u << 20), "512 MiB");
  EXPECT_EQ(formatBytes((std::size_t{3} << 30) / 2), "1.5 GiB");
  EXPECT_EQ(formatBytes(12), "12 bytes");
}

}  // namespace
}  // namespace genlab::train
