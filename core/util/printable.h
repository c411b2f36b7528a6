#pragma once
// Text read from a file, made fit to quote in an error message. A damaged or binary file can
// put anything in a cell: control characters that move the terminal's cursor, bytes that are not
// UTF-8, a megabyte on one line. The message must stay one short, readable line.

#include <cstddef>
#include <string>
#include <string_view>

namespace genlab {

// `text` as printable UTF-8: characters that print (valid UTF-8, not a control character) stay
// as they are; control characters, DEL, C1 controls and bytes that do not form valid UTF-8
// become "\xNN" per byte; '\' and '"' become "\\" and "\"" so the result can be quoted. At most
// `maxChars` characters of `text` (a UTF-8 character or a stray byte counts one) are kept; a
// longer text is cut there and ends in "...".
std::string printableExcerpt(std::string_view text, std::size_t maxChars = 40);

}  // namespace genlab
