#include "ui/views/dbm/dbm_ui.h"

#include <imgui.h>

#include "core/models/dbm/dbm_snapshot.h"
#include "ui/views/panel_widgets.h"

namespace genlab::views {

DbmUi::DbmUi(const std::vector<std::string>& viewNames) {
  for (const auto& name : viewNames) {
    if (name == "filters" && !m_filters) {
      m_filters = std::make_unique<RbmFiltersView>("Layer 1 filters (W1)");
      m_order.push_back(m_filters.get());
    } else if (name == "filters2" && !m_filters2) {
      m_filters2 = std::make_unique<DbmSecondFiltersView>();
      m_order.push_back(m_filters2.get());
    } else if (name == "dreams" && !m_dreams) {
      m_dreams = std::make_unique<RbmDreamsView>();
      m_order.push_back(m_dreams.get());
    } else if (name == "activations" && !m_activations) {
      m_activations = std::make_unique<DbmActivationsView>();
      m_order.push_back(m_activations.get());
    } else if (name == "likelihood" && !m_likelihood) {
      m_likelihood = std::make_unique<CurveView>(
          "Log-likelihood vs mean-field bound",
          std::vector<std::string>{"log_likelihood", "mean_field_bound"},
          std::vector<std::string>{"log p(v) (exact or AIS)", "mean-field lower bound"},
          "nats per image");
      m_order.push_back(m_likelihood.get());
    }
  }
  if (m_order.empty()) {
    m_dreams = std::make_unique<RbmDreamsView>();
    m_order.push_back(m_dreams.get());
  }
}

void DbmUi::drawControls(ViewContext& context) {
  const auto snap = std::dynamic_pointer_cast<const dbm::DbmSnapshot>(context.snapshot);
  if (!snap) return;
  train::Session& session = context.session;
  const dbm::DbmConfig& c = snap->dbmConfig;
  ImGui::TextWrapped("Step %lld, epoch %lld: %d visible - %d h1 - %d h2 units",
                     static_cast<long long>(snap->step), static_cast<long long>(snap->epoch),
                     snap->visible, snap->hidden, snap->hidden2);
  ImGui::TextWrapped("Now: %s", dbm::describe(snap->phase));
  const dbm::DbmEvaluation& e = snap->dbmEvaluation;
  if (e.evaluated) {
    const dbm::LikelihoodScore& s = e.score;
    sectionHeader("Held-out images (nats per image)");
    if (s.partitionExact) {
      ImGui::TextWrapped("log p(v) %.3f (%s)", s.logLikelihood, dbm::toString(s.kind));
    } else {
      ImGui::TextWrapped("log p(v) %.3f +- %.3f (%s: AIS log Z)", s.logLikelihood, s.standardError,
                         dbm::toString(s.kind));
    }
    ImGui::TextWrapped("mean-field bound %.3f", s.meanFieldBound);
    helpMarker(
        "exact: log Z summed over every h1 state, log p*(v) over every h2 state.\nestimate: log "
        "Z by annealed importance sampling, with its standard error.\nThe mean-field bound "
        "replaces the sum over h1 and h2 by the best factorised posterior: it is always below "
        "log p(v), and the gap is what mean-field inference costs.");
    wrappedDisabled("measured at step %lld", static_cast<long long>(e.step));
  }
  ImGui::TextWrapped("reconstruction error %.4f", snap->reconstructionError);

  sectionHeader("Training");
  m_sliders.sliderLog(session, "learning rate (joint)", "lr", c.learning.learningRate, 1e-4, 1.0);
  m_sliders.sliderLog(session, "learning rate (greedy)", "pretrain_lr", c.pretrainLearningRate,
                      1e-4, 1.0);
  m_sliders.sliderInt(session, "Gibbs sweeps k", "k", c.learning.cdSteps, 1, 25);
  m_sliders.sliderInt(session, "mean-field iterations", "mean_field_iterations",
                      c.meanFieldIterations, 0, 50);
  m_sliders.sliderInt(session, "h1 units", "hidden1", c.hidden1, 1, 400,
                      "Changing it starts a fresh model, pretrained again.");
  m_sliders.sliderInt(session, "h2 units", "hidden2", c.hidden2, 1, 400,
                      "Changing it starts a fresh model, pretrained again.");
}

}  // namespace genlab::views
