#include "ui/lab/fit_label.h"

#include <imgui.h>

namespace genlab::lab {

std::string fitLabel(const std::string& label, float width) {
  if (ImGui::CalcTextSize(label.c_str()).x <= width) return label;
  static const std::string kEllipsis = "\xE2\x80\xA6";
  // Candidate cuts at the start of each character after the first (UTF-8 continuation bytes
  // are 10xxxxxx), longest first.
  for (std::size_t cut = label.size() - 1; cut > 0; --cut) {
    if ((static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) continue;
    std::string shortened = label.substr(0, cut);
    while (shortened.size() > 1 && shortened.back() == ' ') shortened.pop_back();
    shortened += kEllipsis;
    if (ImGui::CalcTextSize(shortened.c_str()).x <= width) return shortened;
  }
  std::size_t first = 1;
  while (first < label.size() && (static_cast<unsigned char>(label[first]) & 0xC0) == 0x80) ++first;
  return label.substr(0, first) + kEllipsis;
}

}  // namespace genlab::lab
