#include "ui/views/gan/image_gan_ui.h"

#include <imgui.h>

#include "core/models/gan/image_gan_trainer.h"
#include "core/util/errors.h"

namespace genlab::views {
namespace {

template <class Fn>
void postToImageGan(train::Session& session, Fn fn) {
  session.post([fn](train::Trainer& trainer) {
    if (auto* gan = dynamic_cast<gan::ImageGanTrainer*>(&trainer)) fn(*gan);
  });
}

}  // namespace

ImageGanUi::ImageGanUi(const std::vector<std::string>& viewNames) {
  m_samples = std::make_unique<ImageGanSamplesView>();
  m_order.push_back(m_samples.get());
  for (const auto& name : viewNames) {
    if (name == "interpolation" && !m_interpolation) {
      m_interpolation = std::make_unique<ImageGanInterpolationView>();
      m_order.push_back(m_interpolation.get());
    } else if (name == "d_outputs" && !m_dOutputs) {
      m_dOutputs = std::make_unique<CurveView>(
          "D(x) on real and D(G(z)) on generated", std::vector<std::string>{"d_real", "d_fake"},
          std::vector<std::string>{"D(x), real batch", "D(G(z)), generated batch"}, "mean D");
      m_order.push_back(m_dOutputs.get());
    } else if (name == "losses" && !m_losses) {
      m_losses = std::make_unique<CurveView>("Losses", std::vector<std::string>{"loss_d", "loss_g"},
                                             std::vector<std::string>{"discriminator", "generator"},
                                             "loss");
      m_order.push_back(m_losses.get());
    }
  }
}

void ImageGanUi::applyDisplayOption(const std::string& key, const nlohmann::json& value) {
  if (key != "nearest") {
    throw ConfigError("display." + key + ": unknown option (known: nearest)");
  }
  if (!value.is_boolean()) throw ConfigError("display.nearest: expected true or false");
  m_samples->showNearest = value.get<bool>();
}

void ImageGanUi::drawControls(ViewContext& context) {
  const auto snap = std::dynamic_pointer_cast<const gan::ImageGanSnapshot>(context.snapshot);
  if (!snap || !snap->pictures) return;
  train::Session& session = context.session;
  const gan::GanSettings& s = snap->settings;
  if (!context.scrubbing && !session.isPlaying() && snap->pictures->step != snap->step &&
      m_refreshAsked != snap->step) {
    m_refreshAsked = snap->step;
    postToImageGan(session, [](gan::ImageGanTrainer& g) { g.refreshPictures(); });
  }

  ImGui::TextWrapped("Step %lld on %d training images", static_cast<long long>(snap->step),
                     snap->trainCount);
  ImGui::TextWrapped("loss D %.4f   loss G %.4f", snap->lossD, snap->lossG);
  ImGui::TextWrapped("D(x) %.3f   D(G(z)) %.3f", snap->dReal, snap->dFake);

  sectionHeader("Show");
  ImGui::Checkbox("nearest training image", &m_samples->showNearest);
  helpMarker(
      "Beside each sample, the training image closest in pixels. Copies of training "
      "images would mean memorisation; close but different images mean the generator "
      "learned the kind of image, not the images.");

  sectionHeader("One update at a time");
  if (ImGui::Button("Step D")) {
    postToImageGan(session, [](gan::ImageGanTrainer& g) { g.stepDiscriminatorOnly(); });
  }
  sameLineIfFits(buttonWidth("Step G"));
  if (ImGui::Button("Step G")) {
    postToImageGan(session, [](gan::ImageGanTrainer& g) { g.stepGeneratorOnly(); });
  }

  sectionHeader("Networks (changing them restarts G and D)");
  static const char* kArchitectures[] = {"mlp", "dcgan"};
  int architecture = static_cast<int>(s.architecture);
  if (ImGui::Combo(sideField("architecture", true).c_str(), &architecture, kArchitectures, 2)) {
    session.setParam("architecture", kArchitectures[architecture]);
  }
  helpMarker(
      "mlp: fully connected 256-512 networks.\ndcgan: pytorch/examples' DCGAN for "
      "28x28 (transposed convolutions, batch norm)");
  m_sliders.sliderInt(session, "noise dim", "noise_dim", s.noiseDim, 2, 256);

  sectionHeader("Training");
  drawGanTrainingSettings(session, s, m_sliders, 512);
}

}  // namespace genlab::views
