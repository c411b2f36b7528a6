#include "ui/views/gmm/gmm_ui.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <utility>

#include "core/data/csv_matrix.h"
#include "core/models/gmm/gmm_trainer.h"
#include "core/util/errors.h"
#include "ui/views/panel_widgets.h"

namespace genlab::views {
namespace {

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

void GmmUi::applyDisplayOption(const std::string& key, const nlohmann::json& value) {
  auto& options = m_scatter->options;
  auto fail = [&key](const std::string& why) { throw ConfigError("display." + key + ": " + why); };
  if (key == "density") {
    const std::string mode = value.is_string() ? value.get<std::string>() : "";
    if (mode == "none")
      options.density = DensityMode::kNone;
    else if (mode == "heatmap")
      options.density = DensityMode::kHeatmap;
    else if (mode == "contours")
      options.density = DensityMode::kContours;
    else
      fail("expected \"none\", \"heatmap\" or \"contours\"");
  } else if (key == "ellipses") {
    if (!value.is_boolean()) fail("expected true or false");
    options.ellipses = value.get<bool>();
  } else if (key == "coloring") {
    const std::string mode = value.is_string() ? value.get<std::string>() : "";
    if (mode == "responsibilities")
      options.coloring = PointColoring::kResponsibilities;
    else if (mode == "truth")
      options.coloring = PointColoring::kTrueLabels;
    else
      fail("expected \"responsibilities\" or \"truth\"");
  } else if (key == "samples") {
    if (!value.is_number_integer() || value.get<int>() < 0 || value.get<int>() > 100000) {
      fail("expected a number of samples in [0, 100000]");
    }
    m_pendingSamples = value.get<int>();
  } else if (key == "bic_aic") {
    if (!value.is_boolean()) fail("expected true or false");
    if (!m_bic) fail("the lesson has no \"bic_aic\" view");
    m_pendingBicAic = value.get<bool>();
  } else {
    fail("unknown option (known: density, ellipses, coloring, samples, bic_aic)");
  }
}

namespace {

// The start "New start" draws again: scikit-learn's four, the teaching start random_wide, and
// "manual" (means placed by hand) while it is the current one. Changing it starts again.
void drawStartChoice(train::Session& session, gmm::InitMethod current) {
  static const char* kHelp =
      "kmeans: k-means clusters (scikit-learn's default). kmeans++: each point to the nearest "
      "of k-means++ seeds. random_from_data: each point to the nearest of K random points. "
      "random: random responsibilities, so every component starts near the middle. "
      "random_wide: K random points with wide ellipses. manual: your means, wide ellipses.";
  const std::string label(gmm::toString(current));
  if (ImGui::BeginCombo(sideField("start", true).c_str(), label.c_str())) {
    for (const auto method : gmm::kInitMethods) {
      if (method == gmm::InitMethod::Manual && current != method) continue;  // needs means
      const std::string name(gmm::toString(method));
      if (ImGui::Selectable(name.c_str(), method == current) && method != current) {
        session.setParam("init", name);
      }
    }
    ImGui::EndCombo();
  }
  helpMarker(kHelp);
}

}  // namespace

void GmmUi::drawControls(ViewContext& context) {
  const auto snapshot = std::dynamic_pointer_cast<const gmm::GmmSnapshot>(context.snapshot);
  train::Session& session = context.session;
  if (!snapshot) return;
  if (m_pendingSamples > 0) {
    m_scatter->requestSamples(session, std::exchange(m_pendingSamples, 0));
  }
  if (m_pendingBicAic) {
    m_pendingBicAic = false;
    m_bic->compute(session);
  }

  ImGui::TextWrapped("Iteration %d%s", snapshot->iteration,
                     snapshot->converged ? " (converged)" : "");
  ImGui::TextWrapped("Mean log-likelihood %.4f", snapshot->meanLogLikelihood);
  ImGui::TextWrapped("%lld points in %lld-D%s", static_cast<long long>(snapshot->points->rows()),
                     static_cast<long long>(snapshot->dim),
                     snapshot->dim > 2 ? " (shown by PCA)" : "");

  sectionHeader("Model");
  int k = snapshot->k;
  if (ImGui::SliderInt(sideField("components K").c_str(), &k, 1, 10)) session.setParam("k", k);
  static const char* kCovariances[] = {"full", "diag", "spherical", "tied"};
  int covariance = static_cast<int>(snapshot->covariance);
  if (ImGui::Combo(sideField("covariance", true).c_str(), &covariance, kCovariances, 4)) {
    session.setParam("covariance", kCovariances[covariance]);
  }
  helpMarker("full: any ellipse; diag: axis-aligned; spherical: circles; tied: one shared shape");
  drawStartChoice(session, snapshot->init);

  sectionHeader("One step at a time");
  if (ImGui::Button("E-step")) postToGmm(session, [](gmm::GmmTrainer& g) { g.eStepOnly(); });
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Recolour the points: responsibilities from the current parameters");
  sameLineIfFits(buttonWidth("M-step"));
  if (ImGui::Button("M-step")) postToGmm(session, [](gmm::GmmTrainer& g) { g.mStepOnly(); });
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Move the ellipses: parameters from the current colours");
  sameLineIfFits(buttonWidth("New start"));
  if (ImGui::Button("New start")) session.reset(session.seed() + 1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A different random initialisation (next seed)");

  sectionHeader("Show");
  auto& options = m_scatter->options;
  ImGui::Checkbox("1-2-3 sigma ellipses", &options.ellipses);
  static const char* kDensityModes[] = {"none", "heatmap", "contours"};
  int density = static_cast<int>(options.density);
  if (ImGui::Combo(sideField("density p(x)").c_str(), &density, kDensityModes, 3)) {
    options.density = static_cast<DensityMode>(density);
  }
  if (snapshot->trueLabels) {
    bool byTruth = options.coloring == PointColoring::kTrueLabels;
    if (ImGui::Checkbox("colour by true cluster", &byTruth)) {
      options.coloring = byTruth ? PointColoring::kTrueLabels : PointColoring::kResponsibilities;
    }
  }
  if (ImGui::Button("Draw 500 samples")) m_scatter->requestSamples(session, 500);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("A GMM is generative: new points drawn from the fitted mixture");
  if (options.samples) {
    sameLineIfFits(buttonWidth("Hide samples"));
    if (ImGui::Button("Hide samples")) options.samples = false;
  }

  sectionHeader("Edit the data");
  ImGui::TextWrapped(snapshot->dim == 2
                         ? "Drag a mean. Click: add a point. Shift-drag: spray. Ctrl-click: erase."
                         : "Drag a mean (within the PCA plane). Data editing needs 2-D data.");
  ImGui::SetNextItemWidth(std::max(
      ImGui::GetContentRegionAvail().x - buttonWidth("Load CSV") - ImGui::GetStyle().ItemSpacing.x,
      ImGui::GetContentRegionAvail().x * 0.5f));
  ImGui::InputTextWithHint("##csv", "points.csv", &m_csvPath);
  sameLineIfFits(buttonWidth("Load CSV"));
  if (ImGui::Button("Load CSV") && !m_csvPath.empty()) {
    // Read on the trainer thread too: a large file must not stall a frame. A bad file is
    // reported in the messages (file, line, column) and the current data stays.
    postToGmm(session, [path = m_csvPath](gmm::GmmTrainer& g) {
      g.setData(data::readCsvMatrix(path).values);
      g.eStepOnly();
    });
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "Replace the data with the numeric columns of a CSV file (as many columns as the current "
        "data)");
  }
}

}  // namespace genlab::views
