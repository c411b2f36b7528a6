#include "ui/views/charrnn/charrnn_ui.h"

#include <imgui.h>

#include <algorithm>

#include "core/models/charrnn/charrnn_trainer.h"
#include "core/util/errors.h"
#include "ui/views/curve_view.h"
#include "ui/views/panel_widgets.h"

namespace genlab::views {
namespace {

template <class Fn>
void postToCharRnn(train::Session& session, Fn fn) {
  session.post([fn](train::Trainer& trainer) {
    if (auto* model = dynamic_cast<charrnn::CharRnnTrainer*>(&trainer)) fn(*model);
  });
}

}  // namespace

CharRnnUi::CharRnnUi(const lesson::Lesson& lesson) {
  using Names = std::vector<std::string>;
  auto sample = std::make_unique<CharSampleView>(m_showGuesses);
  View* samplePtr = sample.get();
  m_owned.push_back(std::move(sample));
  const auto& names = lesson.views;
  if (std::find(names.begin(), names.end(), "sample") == names.end()) m_order.push_back(samplePtr);
  for (const auto& name : names) {
    std::unique_ptr<View> view;
    if (name == "sample") {
      m_order.push_back(samplePtr);
      continue;
    }
    if (name == "bits")
      view = std::make_unique<CurveView>(
          "Bits per character", Names{"train_bits", "held_out_bits", "unigram_bits", "bigram_bits"},
          Names{"training batch", "held-out", "unigram baseline", "bigram baseline"},
          "bits per character");
    if (name == "states") view = std::make_unique<CharStateView>();
    if (name == "connectivity") view = std::make_unique<CharConnectivityView>();
    if (!view) continue;
    m_order.push_back(view.get());
    m_owned.push_back(std::move(view));
  }
}

void CharRnnUi::applyDisplayOption(const std::string& key, const nlohmann::json& value) {
  if (key == "guesses") {
    if (!value.is_boolean()) throw ConfigError("display.guesses: expected true or false");
    m_showGuesses = value.get<bool>();
    return;
  }
  throw ConfigError("display." + key + ": unknown option (known: guesses)");
}

void CharRnnUi::drawControls(ViewContext& context) {
  const auto snapshot = std::dynamic_pointer_cast<const charrnn::CharRnnSnapshot>(context.snapshot);
  train::Session& session = context.session;
  if (!snapshot) return;
  const charrnn::CharRnnConfig& config = snapshot->config;

  ImGui::TextWrapped(
      "Step %lld, epoch %lld of %lld training characters", static_cast<long long>(snapshot->step),
      static_cast<long long>(snapshot->epoch), static_cast<long long>(snapshot->trainChars));
  ImGui::TextWrapped("Training batch: %.3f bits/char", snapshot->trainBits);
  if (snapshot->evaluated)
    ImGui::TextWrapped("Held-out: %.3f bits/char (step %lld)", snapshot->heldOutBits,
                       static_cast<long long>(snapshot->evaluatedAt));
  ImGui::TextWrapped("Baselines: unigram %.3f, bigram %.3f", snapshot->unigramBits,
                     snapshot->bigramBits);
  helpMarker(
      "Cross-entropy of the held-out text under character counts of the training text, with "
      "add-one smoothing: the unigram ignores context, the bigram sees one character back. A "
      "recurrent model must go below both.");

  sectionHeader("Sampling");
  if (m_temperature < 0.0f || !ImGui::IsAnyItemActive())
    m_temperature = static_cast<float>(config.temperature);
  if (ImGui::SliderFloat(sideField("temperature", true).c_str(), &m_temperature, 0.0f, 2.0f,
                         m_temperature <= 0.0f ? "argmax" : "%.2f"))
    session.setParam("temperature", static_cast<double>(m_temperature));
  helpMarker(
      "Probabilities are raised to the power 1/T before drawing. Low T: safe, repetitive text; "
      "0 takes the likeliest character every time. High T: inventive, then nonsense.");
  ImGui::Checkbox("top-5 guesses", &m_showGuesses);

  sectionHeader("Network (changing it restarts)");
  static const char* kCells[] = {"rnn", "lstm", "gru"};
  int cell = static_cast<int>(config.cell);
  if (ImGui::Combo(sideField("cell").c_str(), &cell, kCells, 3))
    session.setParam("cell", kCells[cell]);
  int layers = config.layers;
  ImGui::SliderInt(sideField("layers").c_str(), &layers, 1, 3);
  if (ImGui::IsItemDeactivatedAfterEdit()) session.setParam("layers", layers);
  int hidden = config.hidden;
  if (ImGui::InputInt(sideField("hidden units").c_str(), &hidden, 16, 64,
                      ImGuiInputTextFlags_EnterReturnsTrue) &&
      hidden >= 4 && hidden <= 2048)
    session.setParam("hidden", hidden);

  sectionHeader("Training");
  float lr = static_cast<float>(config.lr);
  if (ImGui::InputFloat(sideField("learning rate").c_str(), &lr, 0.0f, 0.0f, "%.1e",
                        ImGuiInputTextFlags_EnterReturnsTrue) &&
      lr > 0.0f && lr <= 1.0f)
    session.setParam("lr", static_cast<double>(lr));
  float dropout = static_cast<float>(config.dropout);
  ImGui::SliderFloat(sideField("dropout").c_str(), &dropout, 0.0f, 0.9f, "%.2f");
  if (ImGui::IsItemDeactivatedAfterEdit())
    session.setParam("dropout", static_cast<double>(dropout));
  float clip = static_cast<float>(config.clip);
  ImGui::SliderFloat(sideField("clip norm", true).c_str(), &clip, 0.0f, 20.0f,
                     clip <= 0 ? "off" : "%.1f");
  if (ImGui::IsItemDeactivatedAfterEdit()) session.setParam("clip", static_cast<double>(clip));
  helpMarker("Largest total gradient norm; larger gradients are scaled down to it. 0: off.");
  wrappedDisabled("batch %d streams, %d characters of backpropagation", config.batch, config.bptt);
  if (context.scrubbing) ImGui::BeginDisabled();
  if (ImGui::Button("Evaluate now"))
    postToCharRnn(session, [](charrnn::CharRnnTrainer& t) { t.evaluateHeldOut(); });
  if (context.scrubbing) ImGui::EndDisabled();
}

}  // namespace genlab::views
