#pragma once
// A label shortened to a width in the current ImGui font: whole if it fits, else its start and
// an ellipsis (at a character boundary, never inside a UTF-8 sequence); at least one character.

#include <string>
#include <vector>

namespace genlab::lab {

std::string fitLabel(const std::string& label, float width);

// The largest c with sum(min(width_i, c)) <= room: items wider than c shorten to c, the others
// stay whole (the longest give way first). Infinite when everything fits.
float equalShareCap(std::vector<float> widths, float room);

}  // namespace genlab::lab
