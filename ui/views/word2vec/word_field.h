#pragma once
// A text field for a vocabulary word: shows the field red while its text is not a word the
// vectors know, and writes it to `word` as typed (views show "not in the vocabulary" for it).

#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

#include "core/models/word2vec/keyed_vectors.h"

namespace genlab::views {

// `label` (may be null) is drawn before the field; `width` is the field's and its label's.
inline void wordField(const char* label, const char* id, std::string& word,
                      const word2vec::KeyedVectors& vectors, float width) {
  if (label) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    width -= ImGui::GetItemRectSize().x + ImGui::GetStyle().ItemSpacing.x;
  }
  const bool known = word.empty() || vectors.find(word) >= 0;
  if (!known) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.75f, 0.25f, 0.2f, 0.55f));
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint(id, "word", &word);
  if (!known) ImGui::PopStyleColor();
}

}  // namespace genlab::views
