#include "ui/views/hmm/hmm_ui.h"

#include <imgui.h>

#include <cmath>

#include "core/models/hmm/hmm_dataset.h"
#include "ui/views/panel_widgets.h"

namespace genlab::views {
namespace {

void disabledWrapped(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

void tooltip(const char* text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

}  // namespace

HmmUi::HmmUi(const lesson::Lesson& lesson) {
  const hmm::HmmDatasetLabels labels = hmm::datasetLabels(lesson.dataset);
  m_trellis = std::make_unique<HmmTrellisView>(labels.stateNames, labels.alphabet);
  m_order.push_back(m_trellis.get());  // the main picture always comes first
  for (const auto& name : lesson.views) {
    if (name == "parameters" && !m_params) {
      m_params = std::make_unique<HmmParamsView>(labels.stateNames, labels.alphabet);
      m_order.push_back(m_params.get());
    } else if (name == "diagram" && !m_diagram) {
      m_diagram = std::make_unique<HmmDiagramView>(labels.stateNames, labels.alphabet);
      m_order.push_back(m_diagram.get());
    } else if (name == "log_likelihood" && !m_logLikelihood) {
      m_logLikelihood = std::make_unique<CurveView>(
          "Log-likelihood per Baum-Welch iteration", std::vector<std::string>{"log_likelihood"},
          std::vector<std::string>{"log P(x) per observation"}, "log P(x) / T");
      m_order.push_back(m_logLikelihood.get());
    }
  }
}

void HmmUi::drawTeachingControls(const hmm::HmmSnapshot& snapshot) {
  hmmui::TrellisTeaching& teaching = m_trellis->teaching;
  if (ImGui::Button("Forward pass")) teaching.start(hmmui::TeachingMode::Forward, snapshot);
  tooltip("Fill the trellis column by column: alpha_t = P(state at t | x_1..x_t)");
  sameLineIfFits(buttonWidth("Viterbi"));
  if (ImGui::Button("Viterbi")) teaching.start(hmmui::TeachingMode::Viterbi, snapshot);
  tooltip(
      "Best-path scores delta column by column, with back-pointers; then trace the best path back");
  if (teaching.active()) {
    sameLineIfFits(buttonWidth("Stop"));
    if (ImGui::Button("Stop")) teaching.stop();
    tooltip("Back to the trained model's posteriors");
  }
  if (!teaching.active()) {
    disabledWrapped("Runs on a copy of the current model.");
  } else {
    if (ImGui::Button(teaching.playing ? "Pause" : "Play"))
      teaching.playing = !teaching.playing && !teaching.done();
    sameLineIfFits(buttonWidth("One column"));
    if (ImGui::Button("One column")) {
      teaching.playing = false;
      teaching.stepOnce();
    }
    sameLineIfFits(buttonWidth("Finish"));
    if (ImGui::Button("Finish")) teaching.finish();
    ImGui::TextWrapped("%s", teaching.status(m_trellis->labels()).c_str());
  }
  float speed = static_cast<float>(teaching.speed);
  if (ImGui::SliderFloat(sideField("columns / s").c_str(), &speed,
                         static_cast<float>(hmmui::TrellisTeaching::kMinSpeed),
                         static_cast<float>(hmmui::TrellisTeaching::kMaxSpeed), "%.2g",
                         ImGuiSliderFlags_Logarithmic))
    teaching.speed = speed;
  tooltip("How fast the step-through advances");
}

void HmmUi::drawControls(ViewContext& context) {
  const auto snapshot = std::dynamic_pointer_cast<const hmm::HmmSnapshot>(context.snapshot);
  if (!snapshot) return;
  const hmm::HmmModel& model = snapshot->model;
  // Two lines: a wrapped number would break at its decimal point.
  ImGui::Text("Iteration %lld", static_cast<long long>(snapshot->step));
  ImGui::Text("log P(x) = %.2f", snapshot->logLikelihood);
  ImGui::TextWrapped("T = %lld, K = %lld states, %s",
                     static_cast<long long>(snapshot->observations().length()),
                     static_cast<long long>(model.states()),
                     model.isDiscrete() ? (std::to_string(model.symbols()) + " symbols").c_str()
                                        : "Gaussian emissions");
  const auto& labels = m_trellis->labels();
  if (!labels.truth.empty()) {
    const double T = static_cast<double>(labels.truth.size());
    ImGui::TextWrapped("Viterbi vs true states: %d wrong (%.1f%%)", labels.errors,
                       100.0 * labels.errors / T);
    tooltip(
        "States are matched to the true ones by the labelling that agrees most (Baum-Welch may "
        "learn them in any order)");
  }

  sectionHeader("Trellis");
  auto& options = m_trellis->options;
  int fill = static_cast<int>(options.fill);
  ImGui::TextUnformatted("Shade nodes by");
  ImGui::RadioButton("posterior \xCE\xB3", &fill, 0);
  tooltip("gamma_t(i) = P(z_t = i | all observations): forward and backward together");
  ImGui::RadioButton("forward \xCE\xB1", &fill, 1);
  tooltip("alpha_t(i) normalised: P(z_t = i | x_1..x_t), the past only");
  ImGui::RadioButton("backward \xCE\xB2", &fill, 2);
  tooltip("beta_t(i) normalised per column: how well state i explains the future x_t+1..x_T");
  options.fill = static_cast<TrellisFill>(fill);
  ImGui::Checkbox("Viterbi path", &options.path);
  sameLineIfFits(toggleWidth("\xCE\xBE edges"));
  ImGui::Checkbox("\xCE\xBE edges", &options.flow);
  tooltip("Edge width: xi_t(i, j) = P(z_t = i, z_t+1 = j | x), shown when columns are wide enough");
  if (!labels.truth.empty()) ImGui::Checkbox("true states (boxes)", &options.truth);
  if (ImGui::Button("Whole sequence")) {
    m_trellis->window() = {0.0, static_cast<double>(snapshot->observations().length())};
  }
  disabledWrapped("Trellis: the wheel zooms time, a drag scrolls, a double-click shows the start.");

  sectionHeader("Step through");
  drawTeachingControls(*snapshot);

  sectionHeader("Parameters");
  ImGui::TextWrapped(
      "Drag a cell of \xCF\x80, A or B up or down: the row stays a distribution and the trellis "
      "follows, "
      "training or paused.");
  if (ImGui::Button("New random start")) context.session.reset(context.session.seed() + 1);
  tooltip("Restart Baum-Welch from a different random model (next seed)");
}

}  // namespace genlab::views
