#pragma once
// A label shortened to a width in the current ImGui font: whole if it fits, else its start and
// an ellipsis (at a character boundary, never inside a UTF-8 sequence); at least one character.

#include <string>

namespace genlab::lab {

std::string fitLabel(const std::string& label, float width);

}  // namespace genlab::lab
