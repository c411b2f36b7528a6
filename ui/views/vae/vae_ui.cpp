#include "ui/views/vae/vae_ui.h"

#include <imgui.h>

#include <algorithm>

#include "core/data/image_datasets.h"
#include "core/util/errors.h"
#include "ui/views/panel_widgets.h"

namespace genlab::views {
namespace {

std::unique_ptr<View> makeCurve(const std::string& name) {
  using Names = std::vector<std::string>;
  if (name == "elbo")
    return std::make_unique<CurveView>("ELBO per image", Names{"elbo", "test_elbo"},
                                       Names{"training batch", "held-out"}, "ELBO (nats)");
  if (name == "reconstruction")
    return std::make_unique<CurveView>("Reconstruction term", Names{"reconstruction"},
                                       Names{"-log p(x|z)"}, "nats per image");
  if (name == "kl")
    return std::make_unique<CurveView>("KL term", Names{"kl", "beta_kl"},
                                       Names{"KL (raw)", "beta x KL"}, "nats per image");
  if (name == "decomposition")
    return std::make_unique<CurveView>(
        "KL decomposition (held-out)", Names{"mi", "tc", "dim_kl"},
        Names{"index-code MI", "total correlation", "dimension-wise KL"}, "nats");
  if (name == "mig")
    return std::make_unique<CurveView>("Mutual-information gap", Names{"mig"},
                                       Names{"MIG (held-out)"}, "MIG");
  return nullptr;
}

}  // namespace

VaeUi::VaeUi(const lesson::Lesson& lesson) : m_factorNames(data::imageFactorNames(lesson.dataset)) {
  const std::vector<std::string>& viewNames = lesson.views;
  // The lesson's order: its first view is the main picture. The latent scatter is always
  // shown, first unless the lesson places it.
  m_latent = std::make_unique<VaeLatentView>(m_selection, m_coloring, m_axes);
  if (std::find(viewNames.begin(), viewNames.end(), "latent") == viewNames.end())
    m_order.push_back(m_latent.get());
  for (const auto& name : viewNames) {
    if (name == "latent") {
      m_order.push_back(m_latent.get());
      continue;
    }
    std::unique_ptr<View> view;
    if (name == "traversal") view = std::make_unique<VaeTraversalView>(m_selection);
    if (name == "kl_bars") view = std::make_unique<VaeKlView>();
    if (name == "reconstructions") view = std::make_unique<VaeReconstructionView>();
    if (name == "interpolation") view = std::make_unique<VaeInterpolationView>(m_selection);
    if (!view) view = makeCurve(name);
    if (!view) continue;  // a name for another model's views
    m_order.push_back(view.get());
    m_owned.push_back(std::move(view));
  }
}

void VaeUi::applyDisplayOption(const std::string& key, const nlohmann::json& value) {
  auto fail = [&key](const std::string& why) { throw ConfigError("display." + key + ": " + why); };
  if (key == "color_by") {
    // "class", or a factor of this lesson's data: a typo must not quietly colour by class.
    std::string allowed = "\"class\"";
    for (const auto& name : m_factorNames) allowed += ", \"" + name + "\"";
    const std::string name = value.is_string() ? value.get<std::string>() : "";
    const auto it = std::find(m_factorNames.begin(), m_factorNames.end(), name);
    if (name != "class" && it == m_factorNames.end())
      fail(value.dump() + " is not a way to colour this lesson's data (allowed: " + allowed + ")");
    m_coloring.factor = name == "class" ? -1 : static_cast<int>(it - m_factorNames.begin());
  } else if (key == "axes") {
    if (value == "pca" || value == "tsne") {
      m_axes.pca = value == "pca";
      m_axes.tsne = value == "tsne";
    } else if (value.is_array() && value.size() == 2 && value[0].is_number_integer() &&
               value[1].is_number_integer() && value[0].get<int>() >= 0 &&
               value[1].get<int>() >= 0 && value[0] != value[1]) {
      m_axes.pca = false;
      m_axes.tsne = false;
      m_axes.dimX = value[0].get<int>();
      m_axes.dimY = value[1].get<int>();
    } else {
      fail("expected \"pca\", \"tsne\" or two different latent dimensions [i, j]");
    }
  } else {
    fail("unknown option (known: color_by, axes)");
  }
}

void VaeUi::drawControls(ViewContext& context) {
  const auto snapshot = std::dynamic_pointer_cast<const vae::VaeSnapshot>(context.snapshot);
  train::Session& session = context.session;
  if (!snapshot) return;
  const vae::VaeConfig& config = snapshot->config;

  // The trainer rebuilds its encodings at most a few times a second; when training stops
  // between two rebuilds, ask for one so the views show the final state. Only once the
  // session is idle: while it still owes steps (Step N), every request would force a rebuild
  // per frame, and training ran ten times slower for it.
  if (!context.scrubbing && session.idle() && snapshot->encoding &&
      snapshot->encoding->step != snapshot->step && m_refreshRequestedFor != snapshot->step) {
    m_refreshRequestedFor = snapshot->step;
    postToVae(session, [](vae::VaeTrainer& t) { t.refreshVisuals(); });
  }

  const double epochs = snapshot->trainCount > 0 ? static_cast<double>(snapshot->step) *
                                                       config.batch / snapshot->trainCount
                                                 : 0.0;
  ImGui::TextWrapped("Step %lld  (%.2f epochs of %lld images)",
                     static_cast<long long>(snapshot->step), epochs,
                     static_cast<long long>(snapshot->trainCount));
  ImGui::TextWrapped("Batch ELBO %.1f = -(recon %.1f + KL %.2f)", snapshot->elbo,
                     snapshot->reconstruction, snapshot->kl);
  if (snapshot->evaluated) {
    ImGui::TextWrapped("Held-out ELBO %.1f (at step %lld)", snapshot->testElbo,
                       static_cast<long long>(snapshot->evaluatedAt));
    ImGui::TextWrapped("KL = MI %.2f + TC %.2f + dim-KL %.2f", snapshot->mutualInformation,
                       snapshot->totalCorrelation, snapshot->dimensionWiseKl);
    helpMarker(
        "The beta-TCVAE split of the KL term on held-out images: index-code mutual information "
        "(how much z says about which image it is), total correlation (dependence between "
        "latent dimensions: beta pushes it down, which favours disentangling), and the KL of "
        "each dimension's marginal from N(0,1). q(z) is the mixture of the held-out posteriors "
        "(settings.tc_estimator \"mws\": Chen et al.'s minibatch-weighted estimator, biased).");
    if (snapshot->hasMig) ImGui::TextWrapped("MIG %.3f", snapshot->mig);
  }

  sectionHeader("Objective");
  if (m_beta < 0.0f || !ImGui::IsAnyItemActive()) m_beta = static_cast<float>(config.beta);
  if (ImGui::SliderFloat(sideField("beta", true).c_str(), &m_beta, 0.0f, 16.0f, "%.2f")) {
    session.setParam("beta", static_cast<double>(m_beta));
  }
  helpMarker(
      "Weight of the KL term: 1 is the ELBO; above 1 presses the code towards the prior "
      "N(0, I). Takes effect at the next step.");
  if (config.warmupSteps > 0) {
    wrappedDisabled("beta in force now: %.2f (warm-up over %lld steps)", snapshot->effectiveBeta,
                    static_cast<long long>(config.warmupSteps));
  }
  int warmup = static_cast<int>(config.warmupSteps);
  if (ImGui::InputInt(sideField("KL warm-up steps").c_str(), &warmup, 100, 1000) && warmup >= 0)
    session.setParam("warmup_steps", warmup);
  float lr = static_cast<float>(config.lr);
  if (ImGui::InputFloat(sideField("learning rate").c_str(), &lr, 0.0f, 0.0f, "%.1e",
                        ImGuiInputTextFlags_EnterReturnsTrue) &&
      lr > 0.0f && lr <= 1.0f)
    session.setParam("lr", static_cast<double>(lr));

  sectionHeader("Network (changing it restarts)");
  int latent = config.latent;
  ImGui::SliderInt(sideField("latent size").c_str(), &latent, vae::VaeConfig::kMinLatent,
                   vae::VaeConfig::kMaxLatent);
  if (ImGui::IsItemDeactivatedAfterEdit()) session.setParam("latent", latent);
  static const char* kArchitectures[] = {"mlp", "conv"};
  int architecture = config.architecture == vae::Architecture::kConv ? 1 : 0;
  if (ImGui::Combo(sideField("architecture").c_str(), &architecture, kArchitectures, 2))
    session.setParam("architecture", kArchitectures[architecture]);
  wrappedDisabled("%s decoder, hidden %d, batch %d",
                  config.likelihood == vae::Likelihood::kGaussian ? "Gaussian" : "Bernoulli",
                  config.hidden, config.batch);

  sectionHeader("Evaluate");
  int every = config.evalEvery;
  if (ImGui::InputInt(sideField("every N steps").c_str(), &every, 50, 500) && every >= 1)
    session.setParam("eval_every", every);
  if (context.scrubbing) ImGui::BeginDisabled();
  if (ImGui::Button("Evaluate now"))
    postToVae(session, [](vae::VaeTrainer& t) { t.evaluateNow(); });
  if (context.scrubbing) ImGui::EndDisabled();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Held-out ELBO, KL decomposition and MIG on %d held-out images",
                      snapshot->heldOut ? snapshot->heldOut->count : 0);

  sectionHeader("Latent view");
  if (snapshot->heldOut) {
    const auto& held = *snapshot->heldOut;
    std::vector<std::string> names{held.hasLabels() ? "class" : "(none)"};
    for (const auto& f : held.factorNames) names.push_back(f);
    int choice = m_coloring.factor + 1;
    if (ImGui::BeginCombo(sideField("colour by").c_str(),
                          names[static_cast<std::size_t>(choice)].c_str())) {
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (ImGui::Selectable(names[i].c_str(), static_cast<int>(i) == choice))
          m_coloring.factor = static_cast<int>(i) - 1;
      }
      ImGui::EndCombo();
    }
  }
  if (config.latent > 2) {
    const char* planes[] = {"two dims", "PCA", "t-SNE"};
    int plane = m_axes.tsne ? 2 : m_axes.pca ? 1 : 0;
    if (ImGui::Combo(sideField("plane").c_str(), &plane, planes, 3)) {
      m_axes.pca = plane == 1;
      m_axes.tsne = plane == 2;
    }
    helpMarker(
        "two dims: two latent dimensions (by default the two with the largest KL); PCA: the "
        "principal plane of the codes; t-SNE: a map that keeps neighbours together, computed "
        "in the background and updated as training moves the codes");
    if (!m_axes.pca && !m_axes.tsne) {
      int dims[2] = {m_axes.dimX, m_axes.dimY};
      if (ImGui::InputInt2(sideField("dims (-1: top KL)").c_str(), dims)) {
        m_axes.dimX = std::clamp(dims[0], -1, config.latent - 1);
        m_axes.dimY = std::clamp(dims[1], -1, config.latent - 1);
      }
    }
  }
}

}  // namespace genlab::views
