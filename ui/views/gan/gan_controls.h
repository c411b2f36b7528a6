#pragma once
// Side-panel widgets both GAN lessons share: the training settings (loss, gradient-penalty
// weight, k, optimiser, learning rates, batch).
//
// Sliders show the snapshot's value except while the person drags; the new value is sent to the
// session once, when the slider is released, so a drag does not queue a hundred edits (or, for
// network sizes, a hundred rebuilds).

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/models/gan/gan_settings.h"
#include "core/train/session.h"
#include "ui/views/panel_widgets.h"

namespace genlab::views {

class GanSliders {
 public:
  // Returns true on the frame the value was sent.
  bool sliderInt(train::Session& session, const char* label, const char* key, int current, int lo,
                 int hi, const char* help = nullptr);
  bool sliderLog(train::Session& session, const char* label, const char* key, double current,
                 double lo, double hi, const char* help = nullptr);

 private:
  std::map<std::string, double> m_drafts;  // values being dragged, by key
};

// Loss, gp_weight (WGAN-GP only), d_steps, optimizer, lr_g, lr_d, batch.
void drawGanTrainingSettings(train::Session& session, const gan::GanSettings& settings,
                             GanSliders& sliders, int maxBatch);

// Sends every key of `settings` (a preset).
void applyGanPreset(train::Session& session, const nlohmann::json& settings);

}  // namespace genlab::views
