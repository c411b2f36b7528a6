// The char-RNN's text: UTF-8 decoding, the alphabet and split, the lesson's dataset reader and
// its errors, and the n-gram baselines against counts worked by hand.

#include "core/models/charrnn/char_corpus.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "core/util/errors.h"
#include "tests/error_message.h"
#include "tests/unit/charrnn/charrnn_test_util.h"

namespace genlab::charrnn {
namespace {

using nlohmann::json;

std::filesystem::path writeFile(const std::string& name, const std::string& bytes) {
  const auto path = tempPath(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(CharCorpus, AlphabetIsSortedCodePointsAndTheTailIsHeldOut) {
  // 21 characters, 10% held out: the last 2 (2.1 rounded). "é" is one character (two UTF-8 bytes).
  const auto corpus = makeCorpus(decodeUtf8("ab\xC3\xA9 ba\xC3\xA9 ab ba ab\nbbaa", "t"), 0.1, "t");
  ASSERT_EQ(corpus.size(), 5);
  EXPECT_EQ(corpus.alphabet, (std::vector<char32_t>{U'\n', U' ', U'a', U'b', U'\u00E9'}));
  EXPECT_EQ(corpus.glyphs[4], "\xC3\xA9");
  EXPECT_EQ(corpus.train.size(), 19u);
  EXPECT_EQ(corpus.heldOut, (std::vector<std::int32_t>{2, 2}));  // "aa"
  EXPECT_EQ(corpus.train.front(), 2);
  EXPECT_EQ(corpus.train[2], 4);
  EXPECT_EQ(corpus.find(U'z'), -1);
}

TEST(CharCorpus, BigramAndUnigramBaselinesEqualAHandCount) {
  // Train "abab", evaluate "aba" (a = 0, b = 1, V = 2). Counts: a 2, b 2, N = 4; ab 2, ba 1;
  // bigrams starting with a: 2, with b: 1. Predicted: b after a, a after b.
  //   unigram: P(b) = P(a) = (2 + 1) / (4 + 2) = 1/2                      -> 1 bit each
  //   bigram:  P(b|a) = (2 + 1) / (2 + 2) = 3/4, P(a|b) = (1 + 1) / (1 + 2) = 2/3
  //            -(log2 3/4 + log2 2/3) / 2 = -log2(1/2) / 2 = 0.5 bits
  const auto b = ngramBaselines({0, 1, 0, 1}, {0, 1, 0}, 2);
  EXPECT_NEAR(b.unigramBits, 1.0, 1e-12);
  EXPECT_NEAR(b.bigramBits, 0.5, 1e-12);

  // Three symbols, one never seen after "c": train "aabc" (a 2, b 1, c 1; aa, ab, bc), text
  // "cab": P(a|c) = (0 + 1) / (0 + 3) (c starts no training bigram), P(b|a) = (1 + 1) / (2 + 3).
  const auto c = ngramBaselines({0, 0, 1, 2}, {2, 0, 1}, 3);
  EXPECT_NEAR(c.bigramBits, -(std::log2(1.0 / 3) + std::log2(2.0 / 5)) / 2, 1e-12);
  // P(a) = 3/7, P(b) = 2/7.
  EXPECT_NEAR(c.unigramBits, -(std::log2(3.0 / 7) + std::log2(2.0 / 7)) / 2, 1e-12);
}

TEST(CharCorpus, InlineRepeatsAndFileReadsRelativeToTheLesson) {
  const auto inline_ =
      readCorpus(json{{"kind", "inline"}, {"text", "abc "}, {"repeat", 5}, {"held_out", 0.2}});
  EXPECT_EQ(inline_.train.size() + inline_.heldOut.size(), 20u);
  EXPECT_EQ(inline_.heldOut.size(), 4u);

  const auto path = writeFile("text.txt", "hello world\nhello there\n");
  const auto file =
      readCorpus(json{{"kind", "file"}, {"path", path.filename().string()}, {"held_out", 0.25}},
                 path.parent_path());
  EXPECT_EQ(file.train.size() + file.heldOut.size(), 24u);
  EXPECT_EQ(file.glyphs[static_cast<std::size_t>(file.train[0])], "h");
  std::filesystem::remove(path);

  const auto capped = readCorpus(
      json{{"kind", "inline"}, {"text", "abcdefghij"}, {"max_chars", 8}, {"held_out", 0.25}});
  EXPECT_EQ(capped.train.size() + capped.heldOut.size(), 8u);
}

TEST(CharCorpus, FortunesLeaveOutTheSeparatorLines) {
  const auto corpus = readCorpus(json{{"kind", "fortunes"}, {"max_chars", 20000}});
  EXPECT_EQ(corpus.train.size() + corpus.heldOut.size(), 20000u);
  if (corpus.source.rfind("fortunes", 0) != 0) GTEST_SKIP() << "fortunes not installed";
  // No line of the text is a lone "%".
  std::string text;
  for (auto id : corpus.train) text += corpus.glyphs[static_cast<std::size_t>(id)];
  EXPECT_EQ(text.find("\n%\n"), std::string::npos);
}

TEST(CharCorpus, BadTextIsADataErrorNamingTheFileAndPlace) {
  const auto latin1 = writeFile("latin1.txt", "caf\xE9\nok\n");
  const std::string bad = test::messageOf<std::exception>([&] {
    readCorpus(json{{"kind", "file"}, {"path", latin1.string()}});
  });
  EXPECT_NE(bad.find(latin1.string() + ":1:4: not UTF-8 text (byte 0xE9)"), std::string::npos)
      << bad;
  const auto binary = writeFile("binary.bin", std::string("ab\ncd\0ef", 8));
  const std::string nul = test::messageOf<std::exception>([&] {
    readCorpus(json{{"kind", "file"}, {"path", binary.string()}});
  });
  EXPECT_NE(nul.find(binary.string() + ":2:3: a binary file"), std::string::npos) << nul;
  std::filesystem::remove(latin1);
  std::filesystem::remove(binary);

  EXPECT_NE(test::messageOf<std::exception>([] {
              readCorpus(json{{"kind", "file"}, {"path", "/nonexistent/x.txt"}});
            }).find("/nonexistent/x.txt: cannot open file"),
            std::string::npos);
  EXPECT_NE(test::messageOf<std::exception>([] {
              readCorpus(json{{"kind", "inline"}, {"text", "ab"}});
            }).find("too few"),
            std::string::npos);
  EXPECT_NE(test::messageOf<std::exception>([] {
              readCorpus(json{{"kind", "books"}});
            }).find("dataset.kind: \"books\""),
            std::string::npos);
  EXPECT_NE(test::messageOf<std::exception>([] {
              readCorpus(json{{"kind", "inline"}, {"txt", "ab"}});
            }).find("dataset"),
            std::string::npos);
  EXPECT_NE(test::messageOf<std::exception>([] {
              readCorpus(json{{"kind", "inline"}, {"text", "abcd"}, {"held_out", 0.9}});
            }).find("dataset.held_out"),
            std::string::npos);
}

}  // namespace
}  // namespace genlab::charrnn
