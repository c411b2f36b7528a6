#include "core/text/tokenizer.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/util/errors.h"

namespace genlab::text {
namespace {

bool isAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Python's string.punctuation: every printable ASCII character that is not a letter, a digit
// or a space.
bool isAsciiPunctuation(unsigned char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// Length of the well-formed UTF-8 sequence starting at text[i], or 0 when it is malformed.
std::size_t sequenceLength(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) lo = 0xA0;  // no overlong forms
    if (lead == 0xED) hi = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

std::size_t firstInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = sequenceLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

void tokeniseLine(std::string_view line, std::vector<std::string>& out) {
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && isAsciiSpace(static_cast<unsigned char>(line[i]))) ++i;
    std::size_t end = i;
    while (end < line.size() && !isAsciiSpace(static_cast<unsigned char>(line[end]))) ++end;
    std::size_t first = i, last = end;
    while (first < last && isAsciiPunctuation(static_cast<unsigned char>(line[first]))) ++first;
    while (last > first && isAsciiPunctuation(static_cast<unsigned char>(line[last - 1]))) --last;
    if (first < last) {
      std::string word(line.substr(first, last - first));
      for (char& c : word) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      out.push_back(std::move(word));
    }
    i = end;
  }
}

TokenisedText tokeniseText(std::string_view text, const std::string& source) {
  TokenisedText result;
  std::size_t start = 0;
  std::size_t lineNumber = 0;
  while (start < text.size()) {
    ++lineNumber;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (const std::size_t bad = firstInvalidUtf8(line); bad != std::string_view::npos) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(line[bad]));
      throw DataError(source + ":" + std::to_string(lineNumber) + ": not UTF-8 text (byte " + hex +
                      " at column " + std::to_string(bad + 1) + ")");
    }
    tokeniseLine(line, result.tokens);
    if (result.tokens.size() > (result.sentenceEnds.empty() ? 0 : result.sentenceEnds.back())) {
      result.sentenceEnds.push_back(result.tokens.size());
    }
    start = end + 1;
  }
  return result;
}

TokenisedText readTokenisedFile(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw DataError(path + ": is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path + ": cannot open file");
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) throw DataError(path + ": read error");
  return tokeniseText(contents.view(), path);
}

}  // namespace genlab::text
