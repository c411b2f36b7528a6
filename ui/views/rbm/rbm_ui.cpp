#include "ui/views/rbm/rbm_ui.h"

#include <imgui.h>

#include <algorithm>

#include "core/models/rbm/rbm_snapshot.h"
#include "ui/views/panel_widgets.h"

namespace genlab::views {

RbmUi::RbmUi(const std::vector<std::string>& viewNames) {
  for (const auto& name : viewNames) {
    if (name == "filters" && !m_filters) {
      m_filters = std::make_unique<RbmFiltersView>();
      m_order.push_back(m_filters.get());
    } else if (name == "dreams" && !m_dreams) {
      m_dreams = std::make_unique<RbmDreamsView>();
      m_order.push_back(m_dreams.get());
    } else if (name == "reconstructions" && !m_reconstructions) {
      m_reconstructions = std::make_unique<RbmReconstructionsView>();
      m_order.push_back(m_reconstructions.get());
    } else if (name == "free_energy" && !m_freeEnergy) {
      m_freeEnergy = std::make_unique<CurveView>(
          "Free energy: data vs chains",
          std::vector<std::string>{"free_energy_data", "free_energy_chains"},
          std::vector<std::string>{"held-out images", "dreaming chains"}, "mean F(v)");
      m_order.push_back(m_freeEnergy.get());
    } else if (name == "likelihood" && !m_likelihood) {
      m_likelihood = std::make_unique<CurveView>(
          "Log-likelihood vs pseudo-likelihood",
          std::vector<std::string>{"log_likelihood", "pseudo_likelihood"},
          std::vector<std::string>{"log p(v) (exact or AIS)", "pseudo-likelihood"},
          "nats per image");
      m_order.push_back(m_likelihood.get());
    }
  }
  if (m_order.empty()) {
    m_dreams = std::make_unique<RbmDreamsView>();
    m_order.push_back(m_dreams.get());
  }
}

void RbmUi::drawControls(ViewContext& context) {
  const auto snap = std::dynamic_pointer_cast<const rbm::RbmSnapshot>(context.snapshot);
  if (!snap) return;
  train::Session& session = context.session;
  const rbm::RbmConfig& c = snap->config;
  ImGui::TextWrapped("Step %lld, epoch %lld: %d visible x %d hidden units",
                     static_cast<long long>(snap->step), static_cast<long long>(snap->epoch),
                     snap->visible, snap->hidden);
  const rbm::RbmEvaluation& e = snap->evaluation;
  if (e.evaluated) {
    sectionHeader("Held-out images (nats per image)");
    if (e.exact) {
      ImGui::TextWrapped("log p(v) %.3f (exact: log Z enumerated)", e.logLikelihood);
    } else {
      ImGui::TextWrapped("log p(v) %.3f +- %.3f (AIS estimate of log Z)", e.logLikelihood,
                         e.standardError);
    }
    ImGui::TextWrapped("pseudo-likelihood %.3f", e.pseudoLikelihood);
    helpMarker(
        "The pseudo-likelihood adds log p(pixel | all other pixels) over every pixel. It needs "
        "no partition function, so it is cheap, but it is not a likelihood: it can rise while "
        "the samples get worse.");
    wrappedDisabled("measured at step %lld", static_cast<long long>(e.step));
  }
  ImGui::TextWrapped("free energy: data %.2f, chains %.2f", snap->freeEnergyData,
                     snap->freeEnergyChains);

  sectionHeader("Training");
  static const char* kMethods[] = {"cd", "pcd"};
  int method = c.learning.persistent ? 1 : 0;
  if (ImGui::Combo(sideField("method", true).c_str(), &method, kMethods, 2)) {
    session.setParam("method", kMethods[method]);
  }
  helpMarker(
      "cd: each negative phase starts at the minibatch's images.\npcd: it continues persistent "
      "chains from the last update (Tieleman 2008).");
  m_sliders.sliderInt(session, "Gibbs steps k", "k", c.learning.cdSteps, 1, 25);
  m_sliders.sliderLog(session, "learning rate", "lr", c.learning.learningRate, 1e-4, 1.0);
  m_sliders.sliderLog(session, "weight decay", "weight_decay",
                      std::max(c.learning.weightDecay, 1e-6), 1e-6, 1e-1);
  m_sliders.sliderInt(session, "batch", "batch", c.batch, 1, 200);
  m_sliders.sliderInt(session, "hidden units", "hidden", c.hidden, 1, 400,
                      "Changing it starts a fresh model.");
}

}  // namespace genlab::views
