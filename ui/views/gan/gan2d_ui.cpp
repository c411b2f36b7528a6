#include "ui/views/gan/gan2d_ui.h"

#include <imgui.h>

#include "core/models/gan/gan2d_trainer.h"
#include "core/util/errors.h"

namespace genlab::views {
namespace {

template <class Fn>
void postToGan2d(train::Session& session, Fn fn) {
  session.post([fn](train::Trainer& trainer) {
    if (auto* gan = dynamic_cast<gan::Gan2dTrainer*>(&trainer)) fn(*gan);
  });
}

}  // namespace

nlohmann::json Gan2dUi::modeCollapsePreset() {
  // Measured on ring8 (std 0.1, 128x2 networks, batch 256): the generator, learning 25 times
  // faster than D, piles its samples onto the spot D currently rates highest, D pushes them off,
  // and they jump to another mode: 0 or 1 of 8 modes covered at any moment, for thousands of
  // steps.
  return {{"loss", "non_saturating"},
          {"d_steps", 1},
          {"optimizer", "adam"},
          {"lr_g", 5e-3},
          {"lr_d", 2e-4},
          {"beta1", 0.5},
          {"beta2", 0.999}};
}

nlohmann::json Gan2dUi::wganGpPreset() {
  // Measured on ring8: 8 of 8 modes covered by step 250 from a fresh start, and the collapsed
  // generator of the preset above recovers too.
  return {{"loss", "wgan_gp"}, {"d_steps", 5}, {"gp_weight", 0.1}, {"optimizer", "adam"},
          {"lr_g", 1e-3},      {"lr_d", 1e-3}, {"beta1", 0.5},     {"beta2", 0.9}};
}

Gan2dUi::Gan2dUi(const std::vector<std::string>& viewNames) {
  m_field = std::make_unique<Gan2dFieldView>();
  m_order.push_back(m_field.get());
  for (const auto& name : viewNames) {
    if (name == "losses" && !m_losses) {
      m_losses = std::make_unique<CurveView>(
          "Losses", std::vector<std::string>{"loss_d", "loss_g"},
          std::vector<std::string>{"discriminator / critic", "generator"}, "loss");
      m_order.push_back(m_losses.get());
    } else if (name == "divergence" && !m_divergence) {
      m_divergence = std::make_unique<CurveView>(
          "Real vs generated: grid KL and JS", std::vector<std::string>{"kl", "js"},
          std::vector<std::string>{"KL(real || generated)", "JS"}, "nats");
      m_order.push_back(m_divergence.get());
    } else if (name == "coverage" && !m_coverage) {
      m_coverage =
          std::make_unique<CurveView>("Modes covered", std::vector<std::string>{"modes_covered"},
                                      std::vector<std::string>{"modes covered"}, "modes");
      m_order.push_back(m_coverage.get());
    }
  }
}

void Gan2dUi::applyDisplayOption(const std::string& key, const nlohmann::json& value) {
  auto fail = [&key](const std::string& why) { throw ConfigError("display." + key + ": " + why); };
  auto& o = m_field->options;
  bool* flag = key == "heatmap"     ? &o.heatmap
               : key == "manifold"  ? &o.manifold
               : key == "arrows"    ? &o.arrows
               : key == "real"      ? &o.real
               : key == "generated" ? &o.generated
               : key == "modes"     ? &o.modes
                                    : nullptr;
  if (flag) {
    if (!value.is_boolean()) fail("expected true or false");
    *flag = value.get<bool>();
  } else if (key == "arrow_scale") {
    if (!value.is_number() || value.get<double>() < 0.1 || value.get<double>() > 10.0) {
      fail("expected a number in [0.1, 10]");
    }
    o.arrowScale = value.get<float>();
  } else {
    fail(
        "unknown option (known: heatmap, manifold, arrows, real, generated, modes, "
        "arrow_scale)");
  }
}

void Gan2dUi::drawControls(ViewContext& context) {
  const auto snap = std::dynamic_pointer_cast<const gan::Gan2dSnapshot>(context.snapshot);
  if (!snap || !snap->visuals) return;
  train::Session& session = context.session;
  const gan::GanSettings& s = snap->settings;
  const gan::Gan2dVisuals& v = *snap->visuals;

  // Paused with pictures older than the model (training stopped between two redraws): ask for
  // a redraw once.
  if (!context.scrubbing && !session.isPlaying() && v.step != snap->step &&
      m_refreshAsked != snap->step) {
    m_refreshAsked = snap->step;
    postToGan2d(session, [](gan::Gan2dTrainer& g) { g.refreshVisuals(); });
  }

  ImGui::TextWrapped("Step %lld: %lld D and %lld G updates", static_cast<long long>(snap->step),
                     static_cast<long long>(snap->dUpdates),
                     static_cast<long long>(snap->gUpdates));
  ImGui::TextWrapped("loss D %.4f   loss G %.4f", snap->lossD, snap->lossG);
  ImGui::TextWrapped("KL %.3f   JS %.3f nats", v.divergences.kl, v.divergences.js);
  if (v.coverage.modes > 0) {
    ImGui::TextWrapped("%d of %d modes covered (%.0f%% of samples near a mode)", v.coverage.covered,
                       v.coverage.modes, 100.0 * v.coverage.inModes);
  }

  sectionHeader("Target");
  static const char* kTargets[] = {"ring8", "grid25", "spiral", "moons", "painted"};
  int target = static_cast<int>(snap->target);
  if (ImGui::Combo(sideField("real data").c_str(), &target, kTargets, 5) && !context.scrubbing) {
    gan::TargetSpec spec;
    spec.kind = static_cast<gan::TargetKind>(target);
    postToGan2d(session, [spec](gan::Gan2dTrainer& g) { g.setTarget(spec); });
  }
  ImGui::TextWrapped("Shift-drag on the picture: spray real points. Ctrl-drag: erase them.");

  sectionHeader("One update at a time");
  if (ImGui::Button("Step D"))
    postToGan2d(session, [](gan::Gan2dTrainer& g) { g.stepDiscriminatorOnly(); });
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("One discriminator update: watch the heatmap move, the points stay");
  sameLineIfFits(buttonWidth("Step G"));
  if (ImGui::Button("Step G"))
    postToGan2d(session, [](gan::Gan2dTrainer& g) { g.stepGeneratorOnly(); });
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("One generator update: the points move along their arrows");

  sectionHeader("Presets");
  if (ImGui::Button("Mode collapse")) applyGanPreset(session, modeCollapsePreset());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Non-saturating loss, G learning 25x faster than D:\nthe samples pile onto "
        "one mode, then jump to another");
  sameLineIfFits(buttonWidth("WGAN-GP"));
  if (ImGui::Button("WGAN-GP")) applyGanPreset(session, wganGpPreset());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Critic with gradient penalty, k = 5: every mode keeps a pull on the samples");

  sectionHeader("Networks (changing them restarts G and D)");
  m_sliders.sliderInt(session, "G width", "g_width", s.gWidth, 4, 512);
  m_sliders.sliderInt(session, "G depth", "g_depth", s.gDepth, 1, 6);
  m_sliders.sliderInt(session, "D width", "d_width", s.dWidth, 4, 512);
  m_sliders.sliderInt(session, "D depth", "d_depth", s.dDepth, 1, 6);
  int noise = s.noiseDim;
  ImGui::TextUnformatted("noise dim");
  sameLineIfFits(toggleWidth("1"));
  if (ImGui::RadioButton("1", &noise, 1) && s.noiseDim != 1) session.setParam("noise_dim", 1);
  sameLineIfFits(toggleWidth("2"));
  if (ImGui::RadioButton("2", &noise, 2) && s.noiseDim != 2) session.setParam("noise_dim", 2);
  helpMarker(
      "With 1-D noise G draws one curve through the plane: it cannot cover separate "
      "modes without a thread between them");

  sectionHeader("Training");
  drawGanTrainingSettings(session, s, m_sliders, 2048);

  sectionHeader("Show");
  auto& o = m_field->options;
  ImGui::Checkbox("D heatmap", &o.heatmap);
  sameLineIfFits(toggleWidth("manifold"));
  ImGui::Checkbox("manifold", &o.manifold);
  sameLineIfFits(toggleWidth("arrows"));
  ImGui::Checkbox("arrows", &o.arrows);
  ImGui::Checkbox("real", &o.real);
  sameLineIfFits(toggleWidth("generated"));
  ImGui::Checkbox("generated", &o.generated);
  sameLineIfFits(toggleWidth("modes"));
  ImGui::Checkbox("modes", &o.modes);
  ImGui::SliderFloat(sideField("arrow length").c_str(), &o.arrowScale, 0.1f, 5.0f, "%.1f",
                     ImGuiSliderFlags_Logarithmic);
}

}  // namespace genlab::views
