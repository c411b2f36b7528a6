#include "ui/views/nb/nb_ui.h"

#include <imgui.h>

#include <algorithm>

#include "core/models/nb/nb_factory.h"
#include "core/util/errors.h"
#include "ui/views/panel_widgets.h"

namespace genlab::views {

NbUi::NbUi(const lesson::Lesson& lesson) : m_images(nb::isImageDataset(lesson.dataset)) {
  auto addMain = [this](const std::string& name) {
    if (!m_images && name == "posterior" && !m_field) {
      m_field = std::make_unique<NbFieldView>();
      m_order.push_back(m_field.get());
    } else if (m_images && name == "class_images" && !m_classImages) {
      m_classImages = std::make_unique<NbClassImagesView>();
      m_order.push_back(m_classImages.get());
    } else if (m_images && name == "draw" && !m_draw) {
      m_draw = std::make_unique<NbDrawView>();
      m_order.push_back(m_draw.get());
    }
  };
  for (const auto& name : lesson.views) {
    addMain(name);
    if (name == "accuracy" && !m_accuracy) {
      std::vector<std::string> columns = {"train_accuracy", "test_accuracy"};
      std::vector<std::string> labels = {"Naive Bayes, training", "Naive Bayes, held out"};
      if (!m_images) {
        columns.push_back("full_test_accuracy");
        labels.push_back("full covariance, held out");
      }
      m_accuracy = std::make_unique<CurveView>("Accuracy as points come in", columns, labels,
                                               "fraction right");
      m_order.push_back(m_accuracy.get());
    } else if (name == "log_likelihood" && !m_logLikelihood) {
      std::vector<std::string> columns = {"test_log_likelihood"};
      std::vector<std::string> labels = {"Naive Bayes"};
      if (!m_images) {
        columns.push_back("full_test_log_likelihood");
        labels.push_back("full covariance");
      }
      m_logLikelihood = std::make_unique<CurveView>("Held-out log-likelihood", columns, labels,
                                                    "mean log p(x), nats");
      m_order.push_back(m_logLikelihood.get());
    }
  }
  // A picture of the data comes first (the large view); a lesson that names none of its
  // data's kind gets the default one.
  if (!m_field && !m_classImages && !m_draw) addMain(m_images ? "class_images" : "posterior");
  const auto picture = std::find_if(m_order.begin(), m_order.end(), [this](View* v) {
    return v == m_field.get() || v == m_classImages.get() || v == m_draw.get();
  });
  std::rotate(m_order.begin(), picture, picture + 1);
}

void NbUi::applyDisplayOption(const std::string& key, const nlohmann::json& value) {
  auto fail = [&key](const std::string& why) { throw ConfigError("display." + key + ": " + why); };
  if (key == "ellipses" || key == "field" || key == "boundary") {
    if (!m_field) fail("the lesson has no \"posterior\" view");
    if (!value.is_boolean()) fail("expected true or false");
    auto& options = m_field->options;
    (key == "ellipses" ? options.ellipses
     : key == "field"  ? options.field
                       : options.boundary) = value.get<bool>();
  } else if (key == "test_image") {
    if (!m_draw) fail("the lesson has no \"draw\" view");
    if (!value.is_number_integer() || value.get<int>() < 0) fail("expected an index >= 0");
    m_pendingTestImage = value.get<int>();
  } else {
    fail("unknown option (known: ellipses, field, boundary, test_image)");
  }
}

void NbUi::drawControls(ViewContext& context) {
  const auto s = std::dynamic_pointer_cast<const nb::NbSnapshot>(context.snapshot);
  if (!s || !s->model) return;
  train::Session& session = context.session;
  const nb::NbSettings& settings = s->settings;
  if (m_draw && m_pendingTestImage >= 0) {
    m_draw->showTestImage(*s, m_pendingTestImage);
    m_nextTestImage = m_pendingTestImage + 1;
    m_pendingTestImage = -1;
  }

  ImGui::TextWrapped("Fitted on %lld of %lld training %s%s", static_cast<long long>(s->trainUsed),
                     static_cast<long long>(s->data->train.rows()), m_images ? "images" : "points",
                     s->complete ? " (all)" : "");
  ImGui::TextWrapped("Naive Bayes: %.1f%% of %lld held-out right, log p(x) %.2f nats",
                     100.0 * s->testAccuracy, static_cast<long long>(s->data->test.rows()),
                     s->testLogLikelihood);
  if (s->full) {
    ImGui::TextWrapped("Not naive (full covariance): %.1f%% right, log p(x) %.2f nats",
                       100.0 * s->fullTestAccuracy, s->fullTestLogLikelihood);
  }

  sectionHeader("Model");
  if (m_images) {
    static const char* kKinds[] = {"gaussian", "bernoulli", "multinomial"};
    int kind = static_cast<int>(settings.config.kind);
    if (ImGui::Combo(sideField("p(pixel | y)", true).c_str(), &kind, kKinds, 3))
      session.setParam("kind", kKinds[kind]);
    helpMarker(
        "bernoulli: each pixel on or off with its own probability per class. gaussian: "
        "each pixel a normal per class. multinomial: pixels as counts.");
  }
  if (settings.config.kind == nb::NbKind::Gaussian) {
    m_sliders.sliderLog(session, "var_smoothing", "var_smoothing", settings.config.varSmoothing,
                        1e-9, 1.0,
                        "Added to every variance, as a fraction of the largest feature variance "
                        "(scikit-learn's rule)");
  } else {
    m_sliders.sliderLog(session, "alpha", "alpha", std::max(settings.config.alpha, 1e-3), 1e-3,
                        10.0, "Pseudo-counts added to every pixel count (1: Laplace smoothing)");
  }
  m_sliders.sliderInt(session, "points per step", "batch", settings.batch, 1, 200,
                      "Training points added at each step (Space plays, Right steps)");

  if (m_field) {
    sectionHeader("Show");
    auto& options = m_field->options;
    ImGui::Checkbox("posterior P(y | x) as colour", &options.field);
    ImGui::Checkbox("decision boundary", &options.boundary);
    ImGui::Checkbox("1 and 2 sd ellipses", &options.ellipses);
  }
  if (m_draw) {
    sectionHeader("Drawing");
    if (ImGui::Button("Clear")) m_draw->drawing().clear();
    sameLineIfFits(buttonWidth("A held-out image"));
    if (ImGui::Button("A held-out image")) m_draw->showTestImage(*s, m_nextTestImage++);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Put the next held-out image on the canvas, then change it by hand");
  }
}

}  // namespace genlab::views
