#include "ui/views/word2vec/word2vec_ui.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "core/models/word2vec/word2vec_trainer.h"
#include "core/util/errors.h"
#include "ui/views/panel_widgets.h"

namespace genlab::views {

Word2VecUi::Word2VecUi(const lesson::Lesson& lesson) {
  for (const auto& name : lesson.views) {
    std::unique_ptr<View> view;
    if (name == "one_update") view = std::make_unique<OneUpdateView>();
    if (name == "matrices") view = std::make_unique<MatricesView>();
    if (name == "embedding") view = std::make_unique<EmbeddingView>(m_selection, m_vectors);
    if (name == "neighbours") view = std::make_unique<NeighboursView>(m_selection, m_vectors);
    if (name == "analogy") view = std::make_unique<AnalogyView>(m_selection, m_vectors);
    if (name == "loss") {
      view = std::make_unique<CurveView>(
          "Loss", std::vector<std::string>{"loss"},
          std::vector<std::string>{"loss per prediction (moving average)"}, "loss");
    }
    if (name == "similarity") {
      view = std::make_unique<CurveView>(
          "Held-out similarity", std::vector<std::string>{"similarity"},
          std::vector<std::string>{"Spearman of cosine against the pairs' scores"}, "Spearman");
    }
    if (view) {
      m_order.push_back(view.get());
      m_views.push_back(std::move(view));
    }
  }
  if (m_order.empty()) {
    m_views.push_back(std::make_unique<EmbeddingView>(m_selection, m_vectors));
    m_order.push_back(m_views.back().get());
  }
}

void Word2VecUi::applyDisplayOption(const std::string& key, const nlohmann::json& value) {
  const auto fail = [&key](const std::string& why) {
    throw ConfigError("display." + key + ": " + why);
  };
  if (key == "word") {
    if (!value.is_string()) fail("expected a word");
    m_selection.word = value.get<std::string>();
  } else if (key == "analogy") {
    if (!value.is_array() || value.size() != 3) fail("expected three words [a, b, c]");
    for (std::size_t i = 0; i < 3; ++i) {
      if (!value[i].is_string()) fail("expected three words [a, b, c]");
      m_selection.analogy[i] = value[i].get<std::string>();
    }
  } else if (key == "projection") {
    const std::string name = value.is_string() ? value.get<std::string>() : "";
    if (name == "pca") {
      m_selection.projection = WordProjection::kPca;
    } else if (name == "tsne") {
      m_selection.projection = WordProjection::kTsne;
    } else {
      fail("expected \"pca\" or \"tsne\"");
    }
  } else {
    fail("unknown option (known: word, analogy, projection)");
  }
}

namespace {

// The next step makes `updates` predictions, then steps go back to updates_per_step.
void stepUpdates(train::Session& session, std::int64_t updates) {
  session.post([updates](train::Trainer& trainer) {
    if (auto* w2v = dynamic_cast<word2vec::Word2VecTrainer*>(&trainer))
      w2v->setNextStepUpdates(updates);
  });
  session.stepN(1);
}

}  // namespace

void Word2VecUi::drawControls(ViewContext& context) {
  const auto* snapshot = dynamic_cast<const word2vec::Word2VecRunSnapshot*>(context.snapshot.get());
  if (!snapshot) return;
  train::Session& session = context.session;
  const auto& m = snapshot->model;
  ImGui::TextWrapped("%s, %d words x %d dimensions", word2vec::toString(snapshot->architecture),
                     snapshot->words(), m.dim);
  ImGui::TextWrapped("Epoch %d of %d, %lld updates", std::min(m.epoch + 1, snapshot->epochs),
                     snapshot->epochs, static_cast<long long>(snapshot->updates));
  ImGui::TextWrapped("Learning rate %.4f, loss %.3f", m.alpha, snapshot->loss);
  if (std::isfinite(snapshot->similarity)) {
    ImGui::TextWrapped("Held-out similarity %.3f (%d pairs)", snapshot->similarity,
                       snapshot->similarityPairs);
  }

  sectionHeader("Step");
  ImGui::BeginDisabled(context.scrubbing);
  for (const int n : {1, 20, 100, 500}) {
    char label[16];  // (a string built with + here trips GCC 12's -Wrestrict false positive)
    std::snprintf(label, sizeof label, "+%d", n);
    if (n != 1) sameLineIfFits(buttonWidth(label));
    if (ImGui::Button(label)) stepUpdates(session, n);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Pause and make %d update%s (one prediction each)", n, n == 1 ? "" : "s");
  }
  ImGui::EndDisabled();

  sectionHeader("Training");
  const nlohmann::json settings = *session.settings();
  if (settings.contains("alpha")) {
    float alpha = settings["alpha"].get<float>();
    if (ImGui::SliderFloat(sideField("alpha", true).c_str(), &alpha, 0.001f, 0.5f, "%.3f",
                           ImGuiSliderFlags_Logarithmic))
      session.setParam("alpha", alpha);
    helpMarker("The starting learning rate; it falls linearly to min_alpha over the epochs.");
  }
  if (settings.contains("negative")) {
    int negative = settings["negative"].get<int>();
    if (ImGui::SliderInt(sideField("noise words k", true).c_str(), &negative, 1, 20))
      session.setParam("negative", negative);
    helpMarker("Noise words drawn per prediction, from count^0.75.");
  }
  if (settings.contains("window")) {
    int window = settings["window"].get<int>();
    if (ImGui::SliderInt(sideField("window").c_str(), &window, 1, 10))
      session.setParam("window", window);
  }
  if (settings.contains("updates_per_step")) {
    int updates = settings["updates_per_step"].get<int>();
    if (ImGui::SliderInt(sideField("updates a step").c_str(), &updates, 1, 200000, "%d",
                         ImGuiSliderFlags_Logarithmic))
      session.setParam("updates_per_step", updates);
  }

  sectionHeader("Show");
  static const char* kProjections[] = {"PCA", "t-SNE"};
  int projection = static_cast<int>(m_selection.projection);
  if (ImGui::Combo(sideField("projection").c_str(), &projection, kProjections, 2))
    m_selection.projection = static_cast<WordProjection>(projection);
  wrappedDisabled("Click a word in the embedding, or type one, to see its neighbours.");
}

}  // namespace genlab::views
