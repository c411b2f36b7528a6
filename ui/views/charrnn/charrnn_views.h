#pragma once
// The char-RNN lesson's pictures:
//   CharSampleView        the streamed sample, large, with the five likeliest guesses and their
//                         probabilities under each generated character
//   CharStateView         the last layer's state over a held-out passage as a heat map, one
//                         row per unit, the units that vary most first
//   CharConnectivityView  how much one prediction depends on each earlier character (gradient
//                         norm), nearest character at the right

#include <memory>
#include <string>

#include "core/models/charrnn/charrnn_snapshot.h"
#include "ui/plot/heatmap_layer.h"
#include "ui/plot/plot_canvas.h"
#include "ui/plot/rect_layer.h"
#include "ui/plot/text_layer.h"
#include "ui/views/view.h"

namespace genlab::views {

// What a generated character looks like on screen: a space as is, a line feed as "\n" in the
// guesses (the sample breaks the line instead).
std::string shownGlyph(const std::string& glyph);

class CharSampleView final : public View {
 public:
  explicit CharSampleView(const bool& showGuesses) : m_showGuesses(showGuesses) {}
  std::string title() const override { return "Sample (streaming)"; }
  void draw(ViewContext& context, ImVec2 size) override;

 private:
  const bool& m_showGuesses;
};

class CharStateView final : public View {
 public:
  static constexpr int kShownUnits = 40;
  static constexpr int kShownColumns = 80;
  CharStateView();
  std::string title() const override { return "State over a passage"; }
  void draw(ViewContext& context, ImVec2 size) override;

 private:
  plot::PlotCanvas m_canvas;
  plot::HeatmapLayer* m_heatmap = nullptr;
  plot::TextLayer* m_text = nullptr;
  std::shared_ptr<const charrnn::StateMap> m_shown;
  int m_stride = 0;         // character labels every this many columns, for the width last drawn
  float m_headroom = 0.0f;  // room above the map for them, a fraction of its height
};

class CharConnectivityView final : public View {
 public:
  CharConnectivityView();
  std::string title() const override { return "How far back one prediction looks"; }
  void draw(ViewContext& context, ImVec2 size) override;

 private:
  plot::PlotCanvas m_canvas;
  plot::RectLayer* m_bars = nullptr;
  plot::TextLayer* m_text = nullptr;
  std::shared_ptr<const charrnn::Connectivity> m_shown;
  int m_stride = 0;
};

}  // namespace genlab::views
