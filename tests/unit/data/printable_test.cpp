#include "core/util/printable.h"

#include <gtest/gtest.h>

#include <string>

namespace genlab {
namespace {

TEST(PrintableExcerpt, KeepsPrintableTextAndUtf8) {
  EXPECT_EQ(printableExcerpt("abc 1.5e-3"), "abc 1.5e-3");
  EXPECT_EQ(printableExcerpt("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"),
            "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
}

TEST(PrintableExcerpt, EscapesControlsInvalidUtf8QuotesAndBackslashes) {
  EXPECT_EQ(printableExcerpt(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(printableExcerpt("\t\r\n\x7F"), "\\x09\\x0D\\x0A\\x7F");
  EXPECT_EQ(printableExcerpt("\xC2\x85"), "\\xC2\\x85");           // C1 control NEL
  EXPECT_EQ(printableExcerpt("\xC0\xAF"), "\\xC0\\xAF");           // overlong '/'
  EXPECT_EQ(printableExcerpt("\xED\xA0\x80"), "\\xED\\xA0\\x80");  // a surrogate
  EXPECT_EQ(printableExcerpt("\xE2\x82"), "\\xE2\\x82");           // cut-off character
  EXPECT_EQ(printableExcerpt("\xFF"
                             "A"),
            "\\xFFA");
  EXPECT_EQ(printableExcerpt("say \"hi\" \\ bye"), "say \\\"hi\\\" \\\\ bye");
}

TEST(PrintableExcerpt, CutsAfterMaxCharacters) {
  EXPECT_EQ(printableExcerpt(std::string(40, 'x')), std::string(40, 'x'));
  EXPECT_EQ(printableExcerpt(std::string(41, 'x')), std::string(40, 'x') + "...");
  EXPECT_EQ(printableExcerpt(std::string(10, '\x01'), 3), "\\x01\\x01\\x01...");
  // A UTF-8 character counts once and is never split.
  EXPECT_EQ(printableExcerpt("\xC3\xA9\xC3\xA9\xC3\xA9", 2), "\xC3\xA9\xC3\xA9...");
}

}  // namespace
}  // namespace genlab
