#include "ui/plot/axis_title.h"

namespace genlab::plot {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

// Greedy word wrap at spaces; empty when a single word is wider than `room`.
std::vector<std::string> wrapAtSpaces(std::string_view text, double room, const TextWidth& width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t space = std::min(text.find(' ', start), text.size());
    const std::string_view word = text.substr(start, space - start);
    const std::string joined = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (width(joined) <= room) {
      line = joined;
    } else {
      if (line.empty() || width(word) > room) return {};
      lines.push_back(line);
      line = std::string(word);
    }
    start = space + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// The longest prefix of `text` that, with an ellipsis after it, fits `room`; empty when that
// keeps fewer than kMinKept characters (a lone "B\u2026" names nothing).
constexpr int kMinKept = 3;

int characters(std::string_view s) {
  int n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string elide(std::string_view text, double room, const TextWidth& width) {
  std::size_t end = text.size();
  while (end > 0 && characters(text.substr(0, end)) > kMinKept) {
    // Back to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
    do --end;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
    std::string candidate(text.substr(0, end));
    while (!candidate.empty() && candidate.back() == ' ') candidate.pop_back();
    candidate += kEllipsis;
    if (width(candidate) <= room) return candidate;
  }
  return {};
}

}  // namespace

std::vector<std::string> fitTitle(std::string_view text, double room, int maxLines,
                                  const TextWidth& width) {
  if (text.empty()) return {};
  if (width(text) <= room) return {std::string(text)};
  if (maxLines > 1) {
    std::vector<std::string> lines = wrapAtSpaces(text, room, width);
    if (!lines.empty() && static_cast<int>(lines.size()) <= maxLines) return lines;
  }
  std::string cut = elide(text, room, width);
  if (cut.empty()) return {};
  return {cut};
}

}  // namespace genlab::plot
