// Sequence import: symbol and CSV files, and errors that name the file and line.
#include "core/data/sequence_io.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/models/hmm/sequence_files.h"
#include "core/util/errors.h"
#include "hmm_test_models.h"

namespace genlab {
namespace {

namespace fs = std::filesystem;

class SequenceIo : public ::testing::Test {
 protected:
  fs::path write(const std::string& name, const std::string& text) {
    const fs::path p = fs::temp_directory_path() / ("genlab_hmm_io_" + name);
    std::ofstream(p) << text;
    m_files.push_back(p);
    return p;
  }
  void TearDown() override {
    for (const auto& p : m_files) fs::remove(p);
  }

 private:
  std::vector<fs::path> m_files;
};

template <class F>
void expectDataError(F&& f, const std::string& fragment) {
  try {
    f();
    ADD_FAILURE() << "no error; expected one containing \"" << fragment << "\"";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos)
        << "message: " << e.what() << "\nexpected to contain: " << fragment;
  }
}

TEST_F(SequenceIo, TokensNumberedInOrderOfFirstAppearance) {
  const auto p = write("tok.txt", "# weather\nsun rain\nrain\n\ncloud sun\n");
  const data::SymbolSequence s = data::readSymbolSequence(p);
  EXPECT_EQ(s.ids, (std::vector<int>{0, 1, 1, 2, 0}));
  EXPECT_EQ(s.alphabet, (std::vector<std::string>{"sun", "rain", "cloud"}));
  EXPECT_FALSE(s.numericIds);
}

TEST_F(SequenceIo, IntegerTokensAreIds) {
  const auto p = write("ids.txt", "3\n1\n1\n0\n");
  const data::SymbolSequence s = data::readSymbolSequence(p);
  EXPECT_EQ(s.ids, (std::vector<int>{3, 1, 1, 0}));
  EXPECT_EQ(s.alphabet.size(), 4u);
  EXPECT_TRUE(s.numericIds);
}

TEST_F(SequenceIo, SymbolErrorsNameTheLine) {
  const auto p = write("out.txt", "0 1\n2\n1 7 0\n");
  data::SymbolOptions sized;
  sized.alphabetSize = 6;
  expectDataError([&] { data::readSymbolSequence(p, sized); },
                  p.string() + ":3: symbol 7 is outside the alphabet [0, 6)");

  const auto q = write("named.txt", "H T\nT X\n");
  data::SymbolOptions named;
  named.alphabet = {"H", "T"};
  expectDataError([&] { data::readSymbolSequence(q, named); },
                  q.string() + ":2: symbol \"X\" is not in the model's alphabet");
  expectDataError([&] { data::readSymbolSequence(q, sized); },
                  q.string() + ":1: symbol \"H\" is not an integer id");

  const auto e = write("empty.txt", "# nothing\n\n");
  expectDataError([&] { data::readSymbolSequence(e); }, e.string() + ":1: the file is empty");
  expectDataError([&] { data::readSymbolSequence("/nonexistent/genlab.txt"); },
                  "/nonexistent/genlab.txt: cannot open");
}

TEST_F(SequenceIo, CsvWithHeaderAndColumns) {
  const auto p = write("ok.csv", "x,y\n1.5, 2\n-3e2,4\n");
  const data::RowMatrix m = data::readNumericCsv(p);
  ASSERT_EQ(m.rows(), 2);
  ASSERT_EQ(m.cols(), 2);
  EXPECT_DOUBLE_EQ(m(0, 0), 1.5);
  EXPECT_DOUBLE_EQ(m(1, 0), -300.0);
  EXPECT_DOUBLE_EQ(m(1, 1), 4.0);
}

TEST_F(SequenceIo, CsvErrorsNameTheLine) {
  const auto a = write("text.csv", "1\n2\nabc\n");
  expectDataError([&] { data::readNumericCsv(a); },
                  a.string() + ":3: column 1: \"abc\" is not a number");
  const auto b = write("ragged.csv", "1,2\n3,4\n5\n");
  expectDataError([&] { data::readNumericCsv(b); },
                  b.string() + ":3: has 1 columns, expected 2 like line 1");
  const auto c = write("nan.csv", "1,2\n3,nan\n");
  expectDataError([&] { data::readNumericCsv(c); },
                  c.string() + ":2: column 2: nan is not a finite number");
  const auto d = write("inf.csv", "1\n\n-inf\n");
  expectDataError([&] { data::readNumericCsv(d); },
                  d.string() + ":3: column 1: -inf is not a finite number");
  const auto e = write("empty.csv", "");
  expectDataError([&] { data::readNumericCsv(e); }, e.string() + ":1: the file is empty");
  const auto f = write("dim.csv", "1,2,3\n");
  expectDataError([&] { data::readNumericCsv(f, 2); },
                  f.string() + ":1: has 3 columns, expected 2");
}

TEST_F(SequenceIo, FittingSharesOneAlphabetAcrossFiles) {
  const auto a = write("a.txt", "H T H\n");
  const auto b = write("b.txt", "E T\n");
  const hmm::SequenceSet set = hmm::loadSequences({a, b}, hmm::EmissionKind::Discrete);
  ASSERT_EQ(set.sequences.size(), 2u);
  EXPECT_EQ(set.alphabet, (std::vector<std::string>{"H", "T", "E"}));
  EXPECT_EQ(set.symbols, 3);
  EXPECT_EQ(set.sequences[1].symbols, (std::vector<int>{2, 1}));
}

TEST_F(SequenceIo, DecodingMapsThroughTheModel) {
  hmm::HmmModel model = hmm::testing::casinoModel();
  const auto p = write("dice.txt", "0 5 5 2\n");
  EXPECT_EQ(hmm::loadForModel(p, model).symbols, (std::vector<int>{0, 5, 5, 2}));
  const auto q = write("dice7.txt", "0 5\n6\n");
  expectDataError([&] { hmm::loadForModel(q, model); },
                  q.string() + ":2: symbol 6 is outside the alphabet [0, 6)");
}

TEST_F(SequenceIo, FixtureFiles) {
  const fs::path dir = GENLAB_TEST_DATA_DIR;
  const data::SymbolSequence s = data::readSymbolSequence(dir / "hmm_weather.txt");
  EXPECT_EQ(s.alphabet, (std::vector<std::string>{"walk", "shop", "clean"}));
  EXPECT_EQ(s.ids.size(), 12u);
  expectDataError([&] { data::readNumericCsv(dir / "hmm_ragged.csv"); },
                  "hmm_ragged.csv:4: has 1 columns, expected 2 like line 2");
}

}  // namespace
}  // namespace genlab
