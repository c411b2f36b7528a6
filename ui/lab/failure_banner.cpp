// The banner that says training stopped on a NaN or infinite value, above the views of the run
// it concerns (docs/RUNS.md "When training fails"). The session has paused with the last good
// step on screen; the banner says what failed, where the last good state is, and offers Resume,
// which trains on from that step with whatever settings were changed in the meantime.

#include <imgui.h>

#include <string>

#include "ui/lab/lab_app.h"
#include "ui/lab/layout_report.h"
#include "ui/lab/panel_layout.h"

namespace genlab::lab {
namespace {

std::string bannerText(const train::TrainingFailure& failure, const OpenRun& run, bool compare) {
  const std::int64_t lastGood = failure.step - 1;
  std::string text = "Training stopped at step " + std::to_string(failure.step) + ": ";
  if (compare) text = run.label() + ": " + text;
  text += failure.quantity.empty() ? failure.message + "."
                                   : failure.quantity + " became " + failure.kind + ".";
  text += " The last good state (step " + std::to_string(lastGood) + ") is shown";
  text += run.folder().empty() ? "" : " and saved";
  text += ". Change a setting (for example, lower the learning rate) and press Resume.";
  return text;
}

}  // namespace

float LabApp::drawFailureBanner(float x, float y, float width) {
  OpenRun* failed = nullptr;
  std::shared_ptr<const train::TrainingFailure> failure;
  for (const auto& run : m_runs) {
    if (!run->isLive() || run->session().state() != train::RunState::kFailed) continue;
    if ((failure = run->session().failure())) {
      failed = run.get();
      break;
    }
  }
  if (failed == nullptr) return 0.0f;

  const std::string text = bannerText(*failure, *failed, compareMode());
  const ImGuiStyle& style = ImGui::GetStyle();
  const float button = ImGui::CalcTextSize("Resume").x + style.FramePadding.x * 2.0f;
  const float wrap = width - style.WindowPadding.x * 2.0f - button - style.ItemSpacing.x;
  const float textHeight = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y;
  const float height = std::max(textHeight, ImGui::GetFrameHeight()) + style.WindowPadding.y * 2.0f;

  placeNextWindow(x, y, width, height);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.0f, 0.88f, 0.78f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.35f, 0.05f, 0.0f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.8f, 0.25f, 0.1f, 1.0f));
  ImGui::Begin("##failure", nullptr,
               kOpaquePanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor(3);
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - button);
  if (ImGui::Button("Resume")) failed->session().play();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Train on from step %lld with the settings as they are now",
                      static_cast<long long>(failure->step - 1));
  m_panels.push_back(panelEntry("failure banner", false));
  ImGui::End();
  return height;
}

}  // namespace genlab::lab
