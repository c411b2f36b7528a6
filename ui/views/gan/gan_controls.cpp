#include "ui/views/gan/gan_controls.h"

#include <imgui.h>

#include "ui/views/panel_widgets.h"

namespace genlab::views {

bool GanSliders::sliderInt(train::Session& session, const char* label, const char* key, int current,
                           int lo, int hi, const char* help) {
  const auto draft = m_drafts.find(key);
  int value = draft != m_drafts.end() ? static_cast<int>(draft->second) : current;
  ImGui::SliderInt(sideField(label, help != nullptr).c_str(), &value, lo, hi);
  bool sent = false;
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    session.setParam(key, value);
    m_drafts.erase(key);
    sent = true;
  } else if (ImGui::IsItemActive()) {
    m_drafts[key] = value;
  } else {
    m_drafts.erase(key);
  }
  if (help) helpMarker(help);
  return sent;
}

bool GanSliders::sliderLog(train::Session& session, const char* label, const char* key,
                           double current, double lo, double hi, const char* help) {
  const auto draft = m_drafts.find(key);
  float value = static_cast<float>(draft != m_drafts.end() ? draft->second : current);
  ImGui::SliderFloat(sideField(label, help != nullptr).c_str(), &value, static_cast<float>(lo),
                     static_cast<float>(hi), "%.1e", ImGuiSliderFlags_Logarithmic);
  bool sent = false;
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    session.setParam(key, static_cast<double>(value));
    m_drafts.erase(key);
    sent = true;
  } else if (ImGui::IsItemActive()) {
    m_drafts[key] = value;
  } else {
    m_drafts.erase(key);
  }
  if (help) helpMarker(help);
  return sent;
}

void drawGanTrainingSettings(train::Session& session, const gan::GanSettings& s,
                             GanSliders& sliders, int maxBatch) {
  static const char* kLosses[] = {"minimax", "non_saturating", "least_squares", "wgan_gp"};
  int loss = static_cast<int>(s.loss);
  if (ImGui::Combo(sideField("loss", true).c_str(), &loss, kLosses, 4))
    session.setParam("loss", kLosses[loss]);
  helpMarker(
      "minimax: G minimises log(1 - D(G(z))), whose gradient vanishes when D is sure.\n"
      "non_saturating: G maximises log D(G(z)) instead (strong gradients early).\n"
      "least_squares: D regresses real to 1, generated to 0; G pulls its D value to 1.\n"
      "wgan_gp: a critic estimates the Wasserstein distance; the gradient penalty keeps it "
      "1-Lipschitz, so its slope never vanishes.");
  if (s.loss == gan::GanLoss::WganGp) {
    sliders.sliderLog(session, "gradient penalty", "gp_weight", s.gpWeight, 0.01, 100.0,
                      "lambda: weight of (|grad f(x^)| - 1)^2 on points between real and "
                      "generated");
  }
  sliders.sliderInt(session, "k (D steps per G step)", "d_steps", s.dSteps, 1, 10,
                    "Discriminator updates before each generator update");
  static const char* kOptimizers[] = {"adam", "rmsprop", "sgd"};
  int optimizer = static_cast<int>(s.optimizer);
  if (ImGui::Combo(sideField("optimizer").c_str(), &optimizer, kOptimizers, 3)) {
    session.setParam("optimizer", kOptimizers[optimizer]);
  }
  sliders.sliderLog(session, "lr G", "lr_g", s.lrG, 1e-5, 1e-1);
  sliders.sliderLog(session, "lr D", "lr_d", s.lrD, 1e-5, 1e-1);
  sliders.sliderInt(session, "batch", "batch", s.batch, 8, maxBatch);
}

void applyGanPreset(train::Session& session, const nlohmann::json& settings) {
  for (const auto& [key, value] : settings.items()) session.setParam(key, value);
}

}  // namespace genlab::views
