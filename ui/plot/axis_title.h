#pragma once
// Fitting a chart's title or an axis title into the room beside its plot: a title that runs past
// the canvas's edge is cut mid-word ("lower is bette"), so it wraps at spaces or, when even that
// does not fit, ends in an ellipsis. Pure text arithmetic; the width of a string comes from the
// caller (a font's measure()).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace genlab::plot {

using TextWidth = std::function<double(std::string_view)>;

// The lines to draw `text` in: no line wider than `room`. The text itself when it fits; else the
// fewest lines up to `maxLines`, broken at spaces, that fit; else one line, as much of the text
// as fits followed by "\u2026" (never splitting a UTF-8 character). Empty for empty text, or when
// fewer than three characters would be left before the ellipsis.
std::vector<std::string> fitTitle(std::string_view text, double room, int maxLines,
                                  const TextWidth& width);

}  // namespace genlab::plot
