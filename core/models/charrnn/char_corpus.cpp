#include "core/models/charrnn/char_corpus.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/data/json_fields.h"
#include "core/text/tokenizer.h"
#include "core/util/errors.h"

namespace genlab::charrnn {
namespace {

constexpr const char* kFortunesFolder = "/usr/share/games/fortunes";
constexpr const char* kLicensesFolder = "/usr/share/common-licenses";
constexpr double kDefaultHeldOut = 0.05;
constexpr long long kDefaultMaxChars = 4'000'000;

std::string readWholeFile(const std::filesystem::path& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw DataError(path.string() + ": is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path.string() + ": cannot open file");
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) throw DataError(path.string() + ": read error");
  return std::move(contents).str();
}

// "line L, column C" of byte `offset` of `text` (both from 1).
std::string position(std::string_view text, std::size_t offset) {
  const auto before = text.substr(0, offset);
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t lineStart = before.rfind('\n');
  const std::size_t column = lineStart == std::string_view::npos ? offset + 1 : offset - lineStart;
  return std::to_string(line) + ":" + std::to_string(column);
}

// The regular files of `folder` in name order, without fortune's .dat indexes and .u8 links.
std::vector<std::filesystem::path> textFiles(const std::filesystem::path& folder, bool fortunes) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const auto& path = entry.path();
    if (fortunes && (path.extension() == ".dat" || path.extension() == ".u8")) continue;
    if (!entry.is_regular_file(error) || entry.is_symlink(error)) continue;
    files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A fortune file without the "%" lines between fortunes.
std::string withoutFortuneSeparators(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    const auto line = text.substr(start, end - start);
    if (line != "%") {
      out.append(line);
      if (!last) out.push_back('\n');
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

int CharCorpus::find(char32_t c) const {
  const auto it = std::lower_bound(alphabet.begin(), alphabet.end(), c);
  return it != alphabet.end() && *it == c ? static_cast<int>(it - alphabet.begin()) : -1;
}

std::u32string decodeUtf8(std::string_view text, const std::string& source) {
  if (const auto nul = text.find('\0'); nul != std::string_view::npos)
    throw DataError(source + ":" + position(text, nul) + ": a binary file, not text (a NUL byte)");
  if (const auto bad = text::firstInvalidUtf8(text); bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
    throw DataError(source + ":" + position(text, bad) + ": not UTF-8 text (byte " + hex + ")");
  }
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const int length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = length == 1   ? b
                 : length == 2 ? (b & 0x1Fu)
                 : length == 3 ? (b & 0x0Fu)
                               : (b & 0x07u);
    for (int k = 1; k < length; ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3Fu);
    out.push_back(c);
    i += static_cast<std::size_t>(length);
  }
  return out;
}

std::string encodeUtf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
  return out;
}

CharCorpus makeCorpus(std::u32string_view text, double heldOutFraction, std::string source) {
  CharCorpus corpus;
  corpus.source = std::move(source);
  const auto total = static_cast<std::int64_t>(text.size());
  const auto held =
      static_cast<std::int64_t>(std::llround(heldOutFraction * static_cast<double>(total)));
  if (total - held < 2 || held < 2) {
    throw DataError(corpus.source + ": " + std::to_string(total) +
                    " characters are too few to train on (at least 2 for training and 2 held out)");
  }
  corpus.alphabet.assign(text.begin(), text.end());
  std::sort(corpus.alphabet.begin(), corpus.alphabet.end());
  corpus.alphabet.erase(std::unique(corpus.alphabet.begin(), corpus.alphabet.end()),
                        corpus.alphabet.end());
  for (const char32_t c : corpus.alphabet) corpus.glyphs.push_back(encodeUtf8(c));
  std::vector<std::int32_t> ids;
  ids.reserve(text.size());
  for (const char32_t c : text) ids.push_back(corpus.find(c));
  corpus.train.assign(ids.begin(), ids.end() - held);
  corpus.heldOut.assign(ids.end() - held, ids.end());
  return corpus;
}

CharCorpus readCorpus(const nlohmann::json& dataset, const std::filesystem::path& base) {
  data::requireObjectWithKeys(dataset, "dataset",
                              {"kind", "path", "text", "repeat", "held_out", "max_chars"});
  if (!dataset.contains("kind"))
    throw ConfigError("dataset.kind: missing (fortunes, file or inline)");
  const std::string kind = data::readString(dataset["kind"], "dataset.kind");
  const double heldOut = dataset.contains("held_out")
                             ? data::readDouble(dataset["held_out"], "dataset.held_out", 0.01, 0.5)
                             : kDefaultHeldOut;
  const long long maxChars =
      dataset.contains("max_chars")
          ? data::readInt(dataset["max_chars"], "dataset.max_chars", 4, 1'000'000'000)
          : kDefaultMaxChars;
  std::u32string text;
  std::string source;
  if (kind == "fortunes") {
    bool fortunes = true;
    auto files = textFiles(kFortunesFolder, true);
    if (files.empty()) {
      fortunes = false;
      files = textFiles(kLicensesFolder, false);
    }
    if (files.empty())
      throw DataError(std::string("dataset: neither ") + kFortunesFolder +
                      " (Debian's fortunes) nor " + kLicensesFolder + " holds text files");
    for (const auto& file : files) {
      const std::string raw = readWholeFile(file);
      text += decodeUtf8(fortunes ? withoutFortuneSeparators(raw) : raw, file.string());
      if (static_cast<long long>(text.size()) >= maxChars) break;
    }
    source = fortunes ? std::string("fortunes (") + kFortunesFolder + ")"
                      : std::string("licences (") + kLicensesFolder + ")";
  } else if (kind == "file") {
    if (!dataset.contains("path")) throw ConfigError("dataset.path: missing (a UTF-8 text file)");
    std::filesystem::path path = data::readString(dataset["path"], "dataset.path");
    if (path.is_relative() && !base.empty()) path = base / path;
    text = decodeUtf8(readWholeFile(path), path.string());
    source = path.string();
  } else if (kind == "inline") {
    if (!dataset.contains("text")) throw ConfigError("dataset.text: missing");
    const std::string written = data::readString(dataset["text"], "dataset.text");
    const long long repeat = dataset.contains("repeat")
                                 ? data::readInt(dataset["repeat"], "dataset.repeat", 1, 100000)
                                 : 1;
    const std::u32string once = decodeUtf8(written, "dataset.text");
    // Repeats only up to max_chars: 100,000 repeats of a long text would otherwise take
    // gigabytes before the cut below.
    for (long long r = 0; r < repeat && static_cast<long long>(text.size()) < maxChars; ++r)
      text += once;
    source = "dataset.text";
  } else {
    throw ConfigError("dataset.kind: \"" + kind +
                      "\" is not one of \"fortunes\", \"file\", \"inline\"");
  }
  if (static_cast<long long>(text.size()) > maxChars)
    text.resize(static_cast<std::size_t>(maxChars));
  return makeCorpus(text, heldOut, source);
}

NgramBaselines ngramBaselines(const std::vector<std::int32_t>& train,
                              const std::vector<std::int32_t>& text, int symbols) {
  const auto v = static_cast<std::size_t>(symbols);
  std::vector<double> unigram(v, 0.0);
  std::vector<double> bigram(v * v, 0.0);
  std::vector<double> starts(v, 0.0);  // count(a .)
  for (std::size_t i = 0; i < train.size(); ++i) {
    unigram[static_cast<std::size_t>(train[i])] += 1.0;
    if (i + 1 < train.size()) {
      const auto a = static_cast<std::size_t>(train[i]);
      bigram[a * v + static_cast<std::size_t>(train[i + 1])] += 1.0;
      starts[a] += 1.0;
    }
  }
  NgramBaselines out;
  if (text.size() < 2) return out;
  const double n = static_cast<double>(train.size());
  double uni = 0.0;
  double bi = 0.0;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const auto a = static_cast<std::size_t>(text[i - 1]);
    const auto b = static_cast<std::size_t>(text[i]);
    uni -= std::log2((unigram[b] + 1.0) / (n + static_cast<double>(v)));
    bi -= std::log2((bigram[a * v + b] + 1.0) / (starts[a] + static_cast<double>(v)));
  }
  const double predicted = static_cast<double>(text.size() - 1);
  out.unigramBits = uni / predicted;
  out.bigramBits = bi / predicted;
  return out;
}

}  // namespace genlab::charrnn
