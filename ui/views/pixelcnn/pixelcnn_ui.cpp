#include "ui/views/pixelcnn/pixelcnn_ui.h"

#include <imgui.h>

#include <algorithm>

#include "core/models/pixelcnn/pixelcnn_snapshot.h"
#include "core/util/errors.h"
#include "ui/views/panel_widgets.h"

namespace genlab::views {

PixelCnnUi::PixelCnnUi(const std::vector<std::string>& viewNames) {
  using Names = std::vector<std::string>;
  m_samples = std::make_unique<PixelCnnSamplesView>();
  if (std::find(viewNames.begin(), viewNames.end(), "samples") == viewNames.end())
    m_order.push_back(m_samples.get());
  for (const auto& name : viewNames) {
    if (name == "receptive_field" && !m_field) {
      m_field = std::make_unique<PixelCnnReceptiveView>();
      m_order.push_back(m_field.get());
    } else if (name == "sampling" && !m_sampling) {
      m_sampling = std::make_unique<PixelCnnSamplingView>();
      m_order.push_back(m_sampling.get());
    } else if (name == "samples") {
      m_order.push_back(m_samples.get());
    } else if (name == "nll") {
      m_curves.push_back(
          std::make_unique<CurveView>("Exact NLL per image", Names{"nll", "test_nll"},
                                      Names{"training batch", "held-out"}, "nats per image"));
      m_order.push_back(m_curves.back().get());
    } else if (name == "bits_per_dim") {
      m_curves.push_back(
          std::make_unique<CurveView>("Bits per pixel", Names{"bits_per_dim", "test_bits_per_dim"},
                                      Names{"training batch", "held-out"}, "bits per pixel"));
      m_order.push_back(m_curves.back().get());
    }
  }
}

void PixelCnnUi::applyDisplayOption(const std::string& key, const nlohmann::json& value) {
  if (key == "pixel") {
    if (!value.is_array() || value.size() != 2 || !value[0].is_number_integer() ||
        !value[1].is_number_integer() || value[0].get<int>() < 0 || value[1].get<int>() < 0)
      throw ConfigError("display.pixel: expected [row, column], two integers >= 0");
    if (m_field) m_field->select(value[0].get<int>(), value[1].get<int>());
  } else if (key == "animate") {
    if (!value.is_boolean()) throw ConfigError("display.animate: expected true or false");
    if (m_sampling) m_sampling->playing = value.get<bool>();
  } else if (key == "pixels_per_second") {
    // The slider's range: a 28x28 image takes 13 s at 60 pixels/s, an 8x8 one 5 s at 12.
    if (!value.is_number_integer() || value.get<int>() < 1 || value.get<int>() > 200)
      throw ConfigError("display.pixels_per_second: expected an integer from 1 to 200");
    if (m_sampling) m_sampling->pixelsPerSecond = value.get<int>();
  } else {
    throw ConfigError("display." + key +
                      ": unknown option (known: pixel, animate, pixels_per_second)");
  }
}

void PixelCnnUi::drawControls(ViewContext& context) {
  const auto snap = std::dynamic_pointer_cast<const pixelcnn::PixelCnnSnapshot>(context.snapshot);
  if (!snap) return;
  train::Session& session = context.session;
  const pixelcnn::PixelCnnConfig& s = snap->settings;
  ImGui::TextWrapped("Step %lld on %d training images of %dx%d", static_cast<long long>(snap->step),
                     snap->trainCount, snap->height, snap->width);
  if (snap->step > 0) {
    ImGui::TextWrapped("NLL %.2f nats per image (%.3f bits per pixel)", snap->nll,
                       snap->bitsPerDim);
  } else {
    ImGui::TextWrapped("NLL: no training batch yet");  // not a measured 0
  }
  if (snap->pictures) {
    ImGui::TextWrapped("held-out %.2f nats (%.3f bits), exact, on %d images at step %lld",
                       snap->testNll, snap->testBitsPerDim, snap->testCount,
                       static_cast<long long>(snap->evaluatedAt));
  } else {
    ImGui::TextWrapped("held-out: evaluating %d images...", snap->testCount);
  }

  if (m_sampling) {
    sectionHeader("Sampler");
    ImGui::Checkbox("animate", &m_sampling->playing);
    sameLineIfFits(buttonWidth("New image"));
    if (ImGui::Button("New image")) m_sampling->restartAsked = true;
    ImGui::SliderInt(sideField("pixels / s").c_str(), &m_sampling->pixelsPerSecond, 1, 200);
  }

  sectionHeader("Network (changing it starts again)");
  static const char* kArchitectures[] = {"plain", "gated"};
  int architecture = s.architecture == pixelcnn::Architecture::kPlain ? 0 : 1;
  if (ImGui::Combo(sideField("architecture", true).c_str(), &architecture, kArchitectures, 2))
    session.setParam("architecture", kArchitectures[architecture]);
  helpMarker(
      "plain: masked convolutions (mask A first, then mask B); a blind spot up and to the "
      "right of each pixel.\ngated: vertical and horizontal stacks with gated units; every "
      "earlier pixel in reach.");
  m_sliders.sliderInt(session, "layers", "layers", s.layers, 1, 15,
                      "Masked layers, the first included. The gated stack sees every earlier "
                      "pixel once its reach (kernel/2 + layers) covers the image.");
  m_sliders.sliderInt(session, "channels", "channels", s.channels, 2, 128);
  sectionHeader("Training");
  m_sliders.sliderLog(session, "learning rate", "lr", s.lr, 1e-4, 1e-2);
  m_sliders.sliderInt(session, "batch", "batch", s.batch, 8, 512);
}

}  // namespace genlab::views
