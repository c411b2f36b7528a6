// Titles fit their room: kept, wrapped at spaces, or cut with an ellipsis, never wider.

#include "ui/plot/axis_title.h"

#include <gtest/gtest.h>

using namespace genlab::plot;

namespace {

// 10 pixels per byte: "lower" is 50 wide, the ellipsis (3 bytes) 30.
double tenPerByte(std::string_view s) {
  return 10.0 * static_cast<double>(s.size());
}

const std::string kEllipsis = "\xE2\x80\xA6";

TEST(FitTitle, KeepsATitleThatFits) {
  EXPECT_EQ(fitTitle("BIC, AIC", 80, 2, tenPerByte), (std::vector<std::string>{"BIC, AIC"}));
  EXPECT_TRUE(fitTitle("", 80, 2, tenPerByte).empty());
}

TEST(FitTitle, WrapsAtSpacesIntoTheFewestLinesThatFit) {
  const auto lines = fitTitle("BIC, AIC (lower is better)", 170, 2, tenPerByte);
  EXPECT_EQ(lines, (std::vector<std::string>{"BIC, AIC (lower", "is better)"}));
  for (const auto& line : lines) EXPECT_LE(tenPerByte(line), 170);
}

TEST(FitTitle, CutsWithAnEllipsisWhenWrappingIsNotEnough) {
  // Three lines would be needed, two are allowed: one line, cut.
  const auto lines = fitTitle("BIC, AIC (lower is better)", 100, 2, tenPerByte);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "BIC, AI" + kEllipsis);
  EXPECT_LE(tenPerByte(lines[0]), 100);
  // One line only: cut, a trailing space dropped before the ellipsis.
  EXPECT_EQ(fitTitle("lower is better", 90, 1, tenPerByte),
            (std::vector<std::string>{"lower" + kEllipsis}));
  // A UTF-8 character is never split (pi is two bytes).
  // Ten bytes and the ellipsis fit 130: a split pi. Nine do, and are whole characters.
  EXPECT_EQ(fitTitle("weight \xCF\x80\xCF\x80\xCF\x80\xCF\x80", 130, 1, tenPerByte),
            (std::vector<std::string>{"weight \xCF\x80" + kEllipsis}));
  // Fewer than three characters before the ellipsis name nothing: no title at all.
  EXPECT_EQ(fitTitle("ELBO (nats)", 60, 1, tenPerByte),
            (std::vector<std::string>{"ELB" + kEllipsis}));
  EXPECT_TRUE(fitTitle("ELBO (nats)", 50, 2, tenPerByte).empty());
  EXPECT_TRUE(fitTitle("anything", 20, 2, tenPerByte).empty());
}

}  // namespace
