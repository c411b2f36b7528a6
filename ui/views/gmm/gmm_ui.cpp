#include "ui/views/gmm/gmm_ui.h"

#include <imgui.h>

#include "core/models/gmm/gmm_trainer.h"

namespace genlab::views {
namespace {

void helpMarker(const char* text) {
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

// ImGui 1.86 has no SeparatorText: a little space, the heading, then a rule.
void sectionHeader(const char* text) {
  ImGui::Spacing();
  ImGui::TextUnformatted(text);
  ImGui::Separator();
}

template <class Fn>
void postToGmm(train::Session& session, Fn fn) {
  session.post([fn](train::Trainer& trainer) {
    if (auto* gmm = dynamic_cast<gmm::GmmTrainer*>(&trainer)) fn(*gmm);
  });
}

}  // namespace

GmmUi::GmmUi(const std::vector<std::string>& viewNames) {
  m_scatter = std::make_unique<GmmScatterView>();
  m_order.push_back(m_scatter.get());  // the main picture always comes first
  for (const auto& name : viewNames) {
    if (name == "log_likelihood") {
      m_logLikelihood = std::make_unique<CurveView>(
          "Log-likelihood per iteration", std::vector<std::string>{"log_likelihood"},
          std::vector<std::string>{"mean log-likelihood"}, "mean log p(x)");
      m_order.push_back(m_logLikelihood.get());
    } else if (name == "weights") {
      m_weights = std::make_unique<GmmWeightsView>();
      m_order.push_back(m_weights.get());
    } else if (name == "bic_aic") {
      m_bic = std::make_unique<GmmBicView>();
      m_order.push_back(m_bic.get());
    }
  }
}

void GmmUi::drawControls(ViewContext& context) {
  const auto snapshot = std::dynamic_pointer_cast<const gmm::GmmSnapshot>(context.snapshot);
  train::Session& session = context.session;
  if (!snapshot) return;

  ImGui::Text("Iteration %d   log-likelihood %.4f", snapshot->iteration, snapshot->meanLogLikelihood);
  if (snapshot->converged) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.0f, 0.45f, 0.25f, 1.0f), "converged");
  }
  ImGui::Text("%lld points in %lld-D%s", static_cast<long long>(snapshot->points->rows()),
              static_cast<long long>(snapshot->dim), snapshot->dim > 2 ? " (shown by PCA)" : "");

  sectionHeader("Model");
  int k = snapshot->k;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  if (ImGui::SliderInt("components K", &k, 1, 10)) session.setParam("k", k);
  static const char* kCovariances[] = {"full", "diag", "spherical", "tied"};
  int covariance = static_cast<int>(snapshot->covariance);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  if (ImGui::Combo("covariance", &covariance, kCovariances, 4)) {
    session.setParam("covariance", kCovariances[covariance]);
  }
  helpMarker("full: any ellipse; diag: axis-aligned; spherical: circles; tied: one shared shape");

  sectionHeader("One step at a time");
  if (ImGui::Button("E-step")) postToGmm(session, [](gmm::GmmTrainer& g) { g.eStepOnly(); });
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Recolour the points: responsibilities from the current parameters");
  ImGui::SameLine();
  if (ImGui::Button("M-step")) postToGmm(session, [](gmm::GmmTrainer& g) { g.mStepOnly(); });
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Move the ellipses: parameters from the current colours");
  ImGui::SameLine();
  if (ImGui::Button("New start")) session.reset(session.seed() + 1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A different random initialisation (next seed)");

  sectionHeader("Show");
  auto& options = m_scatter->options;
  ImGui::Checkbox("1-2-3 sigma ellipses", &options.ellipses);
  static const char* kDensityModes[] = {"none", "heatmap", "contours"};
  int density = static_cast<int>(options.density);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  if (ImGui::Combo("density p(x)", &density, kDensityModes, 3)) {
    options.density = static_cast<DensityMode>(density);
  }
  if (snapshot->trueLabels) {
    bool byTruth = options.coloring == PointColoring::kTrueLabels;
    if (ImGui::Checkbox("colour by true cluster", &byTruth)) {
      options.coloring = byTruth ? PointColoring::kTrueLabels : PointColoring::kResponsibilities;
    }
  }
  if (ImGui::Button("Draw 500 samples")) m_scatter->requestSamples(session, 500);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A GMM is generative: new points drawn from the fitted mixture");
  if (options.samples) {
    ImGui::SameLine();
    if (ImGui::Button("Hide samples")) options.samples = false;
  }

  sectionHeader("Edit the data");
  ImGui::TextWrapped(snapshot->dim == 2
                         ? "Drag a mean. Click: add a point. Shift-drag: spray. Ctrl-click: erase."
                         : "Drag a mean (within the PCA plane). Data editing needs 2-D data.");
}

}  // namespace genlab::views
