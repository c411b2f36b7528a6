#include "ui/views/leaderboard/leaderboard_ui.h"

#include <imgui.h>

#include "core/eval/leaderboard_snapshot.h"
#include "ui/views/panel_widgets.h"

namespace genlab::views {

LeaderboardUi::LeaderboardUi(const std::vector<std::string>& viewNames) {
  for (const auto& name : viewNames) {
    if (name == "board" && !m_board) {
      m_board = std::make_unique<LeaderboardBarsView>();
      m_order.push_back(m_board.get());
    } else if (name == "samples" && !m_samples) {
      m_samples = std::make_unique<LeaderboardSamplesView>();
      m_order.push_back(m_samples.get());
    }
  }
  if (m_order.empty()) {
    m_board = std::make_unique<LeaderboardBarsView>();
    m_order.push_back(m_board.get());
  }
}

void LeaderboardUi::drawControls(ViewContext& context) {
  const auto* snap = dynamic_cast<const eval::LeaderboardSnapshot*>(context.snapshot.get());
  if (!snap) return;
  ImGui::TextWrapped("%d training and %d held-out images of %d x %d binary pixels",
                     snap->trainImages, snap->testImages, snap->height, snap->width);
  ImGui::TextWrapped("Scored %zu of %zu models", snap->scored, snap->models.size());
  if (!snap->complete()) wrappedDisabled("next: %s", snap->next().c_str());
  for (const auto& [model, why] : snap->skipped)
    wrappedDisabled("%s skipped: %s", model.c_str(), why.c_str());

  sectionHeader("What the figures are");
  ImGui::TextWrapped("exact: -log p(x) itself.");
  ImGui::TextWrapped("estimate: an RBM's log Z by annealed importance sampling, +-2 s.e.");
  ImGui::TextWrapped("bound: the VAE's ELBO or importance-weighted bound; its true NLL is lower.");
  helpMarker(
      "Every model trains on the same images and is scored on the same held-out ones, in nats "
      "per image (lower is better) and bits per pixel. A lower bound on log p(x) is an upper "
      "bound on the NLL, so a bound's bar may be too long, never too short.");
}

}  // namespace genlab::views
