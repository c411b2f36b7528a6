#include "ui/lab/fit_label.h"

#include <imgui.h>

#include <algorithm>
#include <limits>

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

float equalShareCap(std::vector<float> widths, float room) {
  std::sort(widths.begin(), widths.end());
  float used = 0;  // by the items narrower than the cap
  for (std::size_t i = 0; i < widths.size(); ++i) {
    const float share = (room - used) / static_cast<float>(widths.size() - i);
    if (widths[i] > share) return std::max(share, 0.0f);
    used += widths[i];
  }
  return std::numeric_limits<float>::infinity();
}

}  // namespace genlab::lab
