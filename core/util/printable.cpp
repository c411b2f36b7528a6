#include "core/util/printable.h"

namespace genlab {
namespace {

// Length of the valid, printable UTF-8 character starting `text`, or 0 when its first byte
// must be escaped. Rejects overlong forms, surrogates, code points above U+10FFFF and the
// C0 and C1 controls (U+0000..U+001F, U+007F..U+009F).
std::size_t printableCharLength(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead >= 0x20 && lead < 0x7F) return 1;
  std::size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    if (lead == 0xC2) lo = 0xA0;  // U+0080..U+009F are the C1 controls
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < lo || byte(1) > hi) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  return length;
}

void appendEscapedByte(std::string& out, unsigned char b) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out.append("\\x").append(1, kHex[b >> 4]).append(1, kHex[b & 0xF]);
}

}  // namespace

std::string printableExcerpt(std::string_view text, std::size_t maxChars) {
  std::string out;
  std::size_t chars = 0;
  while (!text.empty()) {
    if (chars == maxChars) return out.append("...");
    const std::size_t length = printableCharLength(text);
    if (length == 0) {
      appendEscapedByte(out, static_cast<unsigned char>(text.front()));
      text.remove_prefix(1);
    } else {
      if (text.front() == '\\' || text.front() == '"') out.append(1, '\\');
      out.append(text.substr(0, length));
      text.remove_prefix(length);
    }
    ++chars;
  }
  return out;
}

}  // namespace genlab
