#include "core/models/word2vec/keyed_vectors.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/models/word2vec/word2vec_format.h"
#include "core/util/errors.h"
#include "tests/error_message.h"

namespace genlab::word2vec {
namespace {

// Unit vectors in the plane at the given angles (degrees), scaled by different lengths so that
// only the direction may matter.
KeyedVectors atAngles(const std::vector<std::pair<std::string, double>>& words) {
  std::vector<std::string> names;
  std::vector<float> vectors;
  double length = 1.0;
  for (const auto& [word, degrees] : words) {
    names.push_back(word);
    vectors.push_back(static_cast<float>(length * std::cos(degrees * M_PI / 180)));
    vectors.push_back(static_cast<float>(length * std::sin(degrees * M_PI / 180)));
    length += 1.5;
  }
  return KeyedVectors(names, 2, vectors);
}

TEST(KeyedVectors, NeighboursByCosineMostSimilarFirst) {
  const KeyedVectors kv = atAngles({{"a", 0}, {"b", 10}, {"c", 90}, {"d", -30}, {"e", 180}});
  const auto near = kv.neighbours("a", 3);
  ASSERT_EQ(near.size(), 3u);
  EXPECT_EQ(near[0].word, "b");
  EXPECT_NEAR(near[0].cosine, std::cos(10 * M_PI / 180), 1e-6);
  EXPECT_EQ(near[1].word, "d");
  EXPECT_EQ(near[2].word, "c");
  EXPECT_NEAR(near[2].cosine, 0.0, 1e-6);
  EXPECT_EQ(kv.neighbours("a", 100).size(), 4u);  // never itself
}

TEST(KeyedVectors, AnalogyExcludesTheQueryWords) {
  // a - b + c with a = 0 deg, b = 90 deg, c = 80 deg: the mean direction is about -5 deg, whose
  // nearest word is a itself; gensim leaves a, b and c out, so the answer is x (-20 deg).
  const KeyedVectors kv = atAngles({{"a", 0}, {"b", 90}, {"c", 80}, {"x", -20}, {"y", 120}});
  const auto answer = kv.analogy("a", "b", "c", 2);
  ASSERT_EQ(answer.size(), 2u);
  EXPECT_EQ(answer[0].word, "x");
  // The query: unit(a) - unit(b) + unit(c), normalised.
  const double qx = 1 - 0 + std::cos(80 * M_PI / 180), qy = 0 - 1 + std::sin(80 * M_PI / 180);
  const double expected =
      (qx * std::cos(-20 * M_PI / 180) + qy * std::sin(-20 * M_PI / 180)) / std::hypot(qx, qy);
  EXPECT_NEAR(answer[0].cosine, expected, 1e-6);
  EXPECT_EQ(answer[1].word, "y");
  EXPECT_EQ(test::messageOf<ConfigError>([&] { kv.analogy("a", "b", "nope", 1); }),
            "word \"nope\" is not in the vocabulary");
}

class Word2VecFormat : public ::testing::Test {
 protected:
  std::string path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("genlab_w2v_" + name)).string();
  }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(path(name), std::ios::binary) << text;
  }
  std::string errorFor(const std::string& name) {
    std::string message = test::messageOf<DataError>([&] { readWord2VecText(path(name)); });
    std::filesystem::remove(path(name));
    return message;
  }
};

TEST_F(Word2VecFormat, RoundTripsEveryFloatExactly) {
  const std::vector<float> values = {0.1f,   -3.4028235e38f, 1.17549435e-38f,
                                     1e-45f, 0.0f,           12345.678f};
  writeWord2VecText(path("round.txt"), {"x", "y\xC3\xA9", "z"}, 2, values);
  std::ifstream in(path("round.txt"));
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header, "3 2");
  const KeyedVectors kv = readWord2VecText(path("round.txt"));
  EXPECT_EQ(kv.words(), (std::vector<std::string>{"x", "y\xC3\xA9", "z"}));
  EXPECT_EQ(kv.vectors(), values);
  std::filesystem::remove(path("round.txt"));
}

TEST_F(Word2VecFormat, NamesFileAndLineOfMalformedInput) {
  write("h.txt", "3\n");
  EXPECT_EQ(errorFor("h.txt"),
            path("h.txt") + ":1: expected a header \"words dimension\", got \"3\"");
  write("n.txt", "2 2\na 1 2\nb 1\n");
  EXPECT_EQ(errorFor("n.txt"), path("n.txt") + ":3: expected a word and 2 values, found 1 values");
  write("v.txt", "1 2\na 1 nan\n");
  EXPECT_EQ(errorFor("v.txt"), path("v.txt") + ":2: value 2 \"nan\" is not a finite number");
  write("s.txt", "3 1\na 1\nb 2\n");
  EXPECT_EQ(errorFor("s.txt"), path("s.txt") + ":4: the header promises 3 words, found 2");
  write("d.txt", "2 1\na 1\na 2\n");
  EXPECT_EQ(errorFor("d.txt"), path("d.txt") + ":3: the word \"a\" appears a second time");
}

}  // namespace
}  // namespace genlab::word2vec
