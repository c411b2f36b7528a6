#include "core/models/word2vec/word2vec_factory.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "core/data/json_fields.h"
#include "core/models/word2vec/word2vec_settings.h"
#include "core/models/word2vec/word2vec_trainer.h"
#include "core/util/errors.h"

namespace genlab::word2vec {
namespace {

const std::filesystem::path kFortunes = "/usr/share/games/fortunes";
const std::filesystem::path kLicenses = "/usr/share/common-licenses";

std::vector<std::filesystem::path> regularFiles(const std::filesystem::path& folder,
                                                bool fortuneIndexes) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const auto& path = entry.path();
    if (!entry.is_regular_file() || entry.is_symlink()) continue;
    if (fortuneIndexes && (path.extension() == ".dat" || path.extension() == ".u8")) continue;
    files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::filesystem::path resolve(const lesson::Lesson& lesson, const std::string& name) {
  std::filesystem::path path(name);
  return path.is_relative() ? lesson.file.parent_path() / path : path;
}

}  // namespace

CorpusFiles fortunesFiles() {
  CorpusFiles corpus{regularFiles(kFortunes, true), "fortunes"};
  if (corpus.files.empty()) corpus = {regularFiles(kLicenses, false), "common-licenses"};
  return corpus;
}

text::TokenisedText readCorpusFiles(const std::vector<std::filesystem::path>& files,
                                    bool skipInvalid) {
  text::TokenisedText all;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw DataError(file.string() + ": cannot open file");
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (skipInvalid && text::firstInvalidUtf8(bytes) != std::string::npos) continue;
    text::TokenisedText part = text::tokeniseText(bytes, file.string());
    const std::size_t offset = all.tokens.size();
    for (const std::size_t end : part.sentenceEnds) all.sentenceEnds.push_back(offset + end);
    std::move(part.tokens.begin(), part.tokens.end(), std::back_inserter(all.tokens));
  }
  return all;
}

std::unique_ptr<train::Trainer> makeWord2Vec(const lesson::Lesson& lesson, std::uint64_t seed) {
  const nlohmann::json& dataset = lesson.dataset;
  data::requireObjectWithKeys(dataset, "dataset", {"kind", "path", "pairs"});
  const std::string kind =
      dataset.contains("kind") ? data::readString(dataset["kind"], "dataset.kind") : "";
  const Word2VecSettings settings = settingsFromJson(lesson.settings);

  std::string source;
  text::TokenisedText tokens;
  if (kind == "text") {
    if (!dataset.contains("path")) throw ConfigError("dataset.path: missing");
    const auto path = resolve(lesson, data::readString(dataset["path"], "dataset.path"));
    source = path.string();
    tokens = readCorpusFiles({path}, /*skipInvalid=*/false);
  } else if (kind == "fortunes") {
    if (dataset.contains("path")) throw ConfigError("dataset.path: \"fortunes\" takes no path");
    const CorpusFiles files = fortunesFiles();
    if (files.files.empty()) {
      throw DataError("dataset: neither " + kFortunes.string() + " (Debian's fortunes) nor " +
                      kLicenses.string() + " holds a text file");
    }
    source = files.name;
    tokens = readCorpusFiles(files.files, /*skipInvalid=*/true);
  } else {
    throw ConfigError("dataset.kind: expected \"text\" or \"fortunes\"");
  }

  text::Vocabulary vocabulary = text::Vocabulary::build(tokens.tokens, settings.config.minCount);
  if (vocabulary.size() < 2) {
    throw DataError(source + ": " + std::to_string(vocabulary.size()) +
                    " distinct word(s) occur at least min_count " +
                    std::to_string(settings.config.minCount) + " times (of " +
                    std::to_string(tokens.tokens.size()) + " words); word2vec needs 2 or more");
  }
  text::EncodedCorpus corpus = text::encode(tokens, vocabulary);
  std::vector<SimilarityPair> pairs;
  if (dataset.contains("pairs")) {
    pairs = readSimilarityPairs(
        resolve(lesson, data::readString(dataset["pairs"], "dataset.pairs")).string());
  }
  return std::make_unique<Word2VecTrainer>(settings, std::move(vocabulary), std::move(corpus), seed,
                                           std::move(pairs));
}

}  // namespace genlab::word2vec
