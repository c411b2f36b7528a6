#pragma once
// A view draws one picture of a training session (DESIGN.md "Views"). It reads an immutable
// snapshot, never the trainer, and changes the model only by posting edits to the session.

#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/train/session.h"
#include "ui/theme.h"
#include "ui/views/metrics_cache.h"

namespace genlab::views {

class ImageTiles;

// Another run drawn into the same picture (compare mode's overlay): its snapshot at the
// cursor, the run's colour and label.
struct Overlay {
  train::SnapshotPtr snapshot;
  gl::Color color;
  std::string label;
};

struct ViewContext {
  train::Session& session;
  train::SnapshotPtr snapshot;  // the latest, or the one scrubbed to on the timeline
  bool scrubbing = false;       // true when `snapshot` is from the past: edits are disabled
  const MetricsCache& metrics;
  const ui::Style& style;  // canvas style in framebuffer pixels (HiDPI and presentation applied)
  const lesson::Lesson& lesson;
  // Compare mode's overlay: every run to draw into this one picture (this run's own included,
  // first), for views whose canOverlay() is true. Empty: the usual picture of one run.
  std::vector<Overlay> overlays = {};
  // Compare mode's shared state between the same view of different runs (the VAE's probe: drag
  // it in one run and every run decodes the same latent point). Null outside compare mode.
  nlohmann::json* linked = nullptr;
};

class View {
 public:
  virtual ~View() = default;
  virtual std::string title() const = 0;
  // Draws into the current ImGui window, filling `size` (in ImGui units).
  virtual void draw(ViewContext& context, ImVec2 size) = 0;
  // Whether the view draws several runs into one picture when context.overlays is set (the
  // GMM's ellipses of every run over the shared data).
  virtual bool canOverlay() const { return false; }
  // The grid of images the view last drew (samples, reconstructions, traversals), for compare
  // mode's |A - B| picture of two runs; null for views that draw no image grid.
  virtual const ImageTiles* picture() const { return nullptr; }
};

// The lesson's model-specific part of the lab: its views and its side-panel controls.
class ModelUi {
 public:
  virtual ~ModelUi() = default;
  virtual std::vector<View*> views() = 0;
  // Settings and teaching controls in the side panel (K, covariance type, E-step, ...).
  virtual void drawControls(ViewContext& context) = 0;
  // Sets how the views start out, from a lesson's "display" object or the lab's --display
  // flags. Throws ConfigError naming "display.<key>" for a key or value it does not know.
  virtual void applyDisplayOption(const std::string& key, const nlohmann::json& value);
};

// Builds the UI for `lesson`'s model with the views it names; null for an unknown model.
std::unique_ptr<ModelUi> makeModelUi(const lesson::Lesson& lesson);

}  // namespace genlab::views
