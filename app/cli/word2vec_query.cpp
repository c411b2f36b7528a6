#include "app/cli/word2vec_query.h"

#include <iomanip>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "core/models/word2vec/word2vec_format.h"
#include "core/util/errors.h"

namespace genlab::cli {
namespace {

struct QueryOptions {
  std::string vectors;
  std::vector<std::string> words;
  int top = 10;
};

void printNeighbours(const std::vector<word2vec::Neighbour>& neighbours) {
  for (const auto& n : neighbours) {
    std::cout << "  " << std::left << std::setw(20) << n.word << std::right << std::fixed
              << std::setprecision(4) << n.cosine << '\n';
  }
}

void checkTop(int top) {
  if (top < 1) throw ConfigError("--top: " + std::to_string(top) + " must be at least 1");
}

// Names the vectors file in "not in the vocabulary" errors.
template <class Query>
void inVocabularyOf(const std::string& path, Query query) {
  try {
    query();
  } catch (const ConfigError& error) {
    throw ConfigError(path + ": " + error.what());
  }
}

}  // namespace

void registerWord2VecQueries(CLI::App& app) {
  auto* w2v = app.add_subcommand("word2vec", "Query word vectors (word2vec text format)");
  w2v->require_subcommand(1);

  auto neighbours = std::make_shared<QueryOptions>();
  auto* n = w2v->add_subcommand("neighbours", "The nearest words by cosine to each WORD");
  n->add_option("vectors", neighbours->vectors, "word2vec text file")->required();
  n->add_option("words", neighbours->words, "Words to look up")->required();
  n->add_option("--top", neighbours->top, "Neighbours per word")->capture_default_str();
  n->callback([neighbours] {
    checkTop(neighbours->top);
    const auto keyed = word2vec::readWord2VecText(neighbours->vectors);
    inVocabularyOf(neighbours->vectors, [&] {
      for (const auto& word : neighbours->words) {
        const auto found = keyed.neighbours(word, neighbours->top);
        std::cout << word << ":\n";
        printNeighbours(found);
      }
    });
  });

  auto analogy = std::make_shared<QueryOptions>();
  auto* a = w2v->add_subcommand("analogy", "A - B + C: \"king man woman\" asks king - man + woman");
  a->add_option("vectors", analogy->vectors, "word2vec text file")->required();
  a->add_option("words", analogy->words, "A B C")->required()->expected(3);
  a->add_option("--top", analogy->top, "Answers")->capture_default_str();
  a->callback([analogy] {
    checkTop(analogy->top);
    const auto keyed = word2vec::readWord2VecText(analogy->vectors);
    const auto& w = analogy->words;
    inVocabularyOf(analogy->vectors, [&] {
      const auto found = keyed.analogy(w[0], w[1], w[2], analogy->top);
      std::cout << w[0] << " - " << w[1] << " + " << w[2] << ":\n";
      printNeighbours(found);
    });
  });
}

}  // namespace genlab::cli
