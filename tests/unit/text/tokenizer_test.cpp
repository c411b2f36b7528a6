#include "core/text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/util/errors.h"
#include "tests/error_message.h"

namespace genlab::text {
namespace {

std::vector<std::string> tokensOf(std::string_view line) {
  std::vector<std::string> out;
  tokeniseLine(line, out);
  return out;
}

TEST(Tokeniser, LowerCasesAsciiAndStripsPunctuationAtTheEnds) {
  EXPECT_EQ(tokensOf("Hello, World! (don't) -- 'quoted' U.S.A. \xC3\x9C"
                     "ber\tTAB\r"),
            (std::vector<std::string>{"hello", "world", "don't", "quoted", "u.s.a",
                                      "\xC3\x9C"
                                      "ber",
                                      "tab"}));
  EXPECT_TRUE(tokensOf("  ... --- !!! ").empty());
  EXPECT_EQ(tokensOf("e-mail 3.14 x_y"), (std::vector<std::string>{"e-mail", "3.14", "x_y"}));
}

TEST(Tokeniser, OneSentencePerNonEmptyLine) {
  const TokenisedText text = tokeniseText("a b\n\n%\nc\nd e f", "mem");
  EXPECT_EQ(text.tokens, (std::vector<std::string>{"a", "b", "c", "d", "e", "f"}));
  EXPECT_EQ(text.sentenceEnds, (std::vector<std::size_t>{2, 3, 6}));
}

TEST(Tokeniser, FindsMalformedUtf8) {
  EXPECT_EQ(firstInvalidUtf8("plain \xF0\x9F\x98\x80 \xE2\x82\xAC"), std::string_view::npos);
  EXPECT_EQ(firstInvalidUtf8("ab\xC0\xAF"), 2u);         // overlong '/'
  EXPECT_EQ(firstInvalidUtf8("\xED\xA0\x80"), 0u);       // a surrogate
  EXPECT_EQ(firstInvalidUtf8("x\xF4\x90\x80\x80"), 1u);  // above U+10FFFF
  EXPECT_EQ(firstInvalidUtf8("xy\xE2\x82"), 2u);         // cut short
  EXPECT_EQ(firstInvalidUtf8("caf\xE9"), 3u);            // Latin-1
}

TEST(Tokeniser, NamesFileLineAndColumnOfBadBytes) {
  EXPECT_EQ(test::messageOf<DataError>([] { tokeniseText("fine\nbad \xFF here\n", "c.txt"); }),
            "c.txt:2: not UTF-8 text (byte 0xFF at column 5)");
  EXPECT_EQ(test::messageOf<DataError>([] { readTokenisedFile("/nonexistent/corpus.txt"); }),
            "/nonexistent/corpus.txt: cannot open file");
}

}  // namespace
}  // namespace genlab::text
