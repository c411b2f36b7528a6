#pragma once
// PlotCanvas: a 2-D plot rendered into its own framebuffer. Background, grid, layers (clipped to
// the plot area), axes with tick labels, titles and legend. The same object draws into an ImGui
// window (plot_widget.h), a PNG (savePng) or a test's pixel buffer (readPixels).
//
// Rendering is lazy: needsRedraw() is true only when a layer's revision, the view, the size or
// the style changed since the last render(), so an idle plot costs one ImGui::Image per frame.
// Every GL call needs the context the canvas was created in to be current.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ui/gl/framebuffer.h"
#include "ui/gl/text.h"
#include "ui/plot/canvas_input.h"
#include "ui/plot/layer.h"
#include "ui/plot/shape_batch.h"

namespace genlab::plot {

// A string the canvas drew, and the box it must stay inside to be read whole: the canvas for
// axes, titles and the legend; the plot area for labels drawn by layers (they are clipped to
// it). Framebuffer pixels.
struct PlacedText {
  std::string text;
  gl::PixelBox box;
  gl::PixelBox clip;
};

// Above (the default): the entries in rows between the title and the plot, where they never
// cover data; left out where they would take more than a quarter of the canvas's height. The
// corners draw a boxed legend inside the plot area.
enum class LegendPosition { Above, TopRight, TopLeft, BottomRight, BottomLeft, Hidden };

class PlotCanvas {
 public:
  PlotCanvas();
  ~PlotCanvas();
  PlotCanvas(const PlotCanvas&) = delete;
  PlotCanvas& operator=(const PlotCanvas&) = delete;

  // Layers draw in the order added. The canvas owns them; the reference stays valid until the
  // layer is removed or the canvas destroyed.
  template <class L, class... Args>
  L& add(Args&&... args) {
    auto layer = std::make_unique<L>(std::forward<Args>(args)...);
    L& ref = *layer;
    m_layers.push_back(std::move(layer));
    m_structureRevision++;
    return ref;
  }
  void remove(const Layer& layer);
  void clearLayers();
  const std::vector<std::unique_ptr<Layer>>& layers() const { return m_layers; }

  void setTitle(std::string title);
  // Axis titles, and the chart title, fit their room (axis_title.h): a title too long for it
  // wraps onto a second line at a space, or ends in an ellipsis; none is cut at the canvas edge.
  void setAxisLabels(std::string x, std::string y);
  // A categorical x axis: category i sits at x = i and is named names[i]; ticks fall only on
  // categories (categoryTicks), and no vertical grid lines cross the bars. Empty: numeric x.
  void setXCategories(std::vector<std::string> names);
  // A log-scale x axis: x data are log10 of the values, and ticks fall on whole decades
  // labelled with the value (decadeTicks). Ignored with categories.
  void setXLogScale(bool on);
  void setLegendPosition(LegendPosition p);
  // Legend entries drawn after the layers' own (e.g. class names for a coloured scatter).
  void setLegend(std::vector<LegendEntry> entries);
  // One data unit spans the same number of pixels on both axes (circles stay round).
  void setEqualAspect(bool on);
  void setShowGrid(bool on);

  // The view. With equal aspect the rect actually shown may be wider or taller (transform()).
  void setView(const DataRect& view);
  const DataRect& view() const { return m_view; }
  // Fits the view to the union of visible layers' bounds, grown by `margin` (fraction) each side.
  void fitToData(double margin = 0.05);
  // What a double-click returns to: a fixed rect, or nullopt to refit the data (default).
  void setHomeView(std::optional<DataRect> home) { m_home = home; }

  // Framebuffer size in pixels. Returns whether it changed.
  bool resize(int width, int height);
  int width() const { return m_fb.width(); }
  int height() const { return m_fb.height(); }

  bool needsRedraw(const ui::Style& style) const;
  void markDirty() { m_forceRedraw = true; }
  // Renders unconditionally into the framebuffer, leaving the default framebuffer bound.
  void render(const ui::Style& style);
  // render() if needsRedraw(); returns whether it rendered.
  bool renderIfNeeded(const ui::Style& style);

  // Data rect and plot-area pixel rect as last laid out (before the first render: the whole
  // framebuffer). Mouse positions map to data through this.
  ViewTransform transform() const;
  PixelRect plotArea() const { return m_area; }

  // Interaction, independent of ImGui: pan (left drag; right/middle drag), zoom around the
  // cursor (wheel), reset (double-click), draggable items, clicks and tool drags.
  CanvasEvents handleInput(const CanvasInput& in);

  // What the last render() drew, for tests and the lab's layout report: the ticks of both axes
  // and every string (tick labels, axis titles, the title, the legend, layers' labels).
  const Ticks& xTicks() const { return m_drawn.xTicks; }
  const Ticks& yTicks() const { return m_drawn.yTicks; }
  const std::vector<PlacedText>& texts() const { return m_drawn.texts; }

  const gl::Framebuffer& framebuffer() const { return m_fb; }
  gl::ImageRgba readPixels() const { return m_fb.readPixels(); }
  // Renders if needed with `style`, then writes the framebuffer as a PNG.
  void savePng(const std::filesystem::path& path, const ui::Style& style);

 private:
  struct Layout;
  Layout computeLayout(const ui::Style& style) const;
  void drawDecorations(const Layout& layout, const ui::Style& style);
  struct LegendMetrics {
    double swatch, padIn, margin;
  };
  static LegendMetrics legendMetrics(const ui::Style& style);
  std::vector<const LegendEntry*> legendEntries() const;
  void drawLegend(const Layout& layout, const ui::Style& style);
  // Records what m_text (or a layer) drew since its last clear, to stay inside `clip`.
  gl::PixelBox canvasBox() const;
  void keepTexts(const std::vector<gl::DrawnText>& drawn, const gl::PixelBox& clip);
  std::uint64_t contentRevision() const;
  DataRect homeRect() const;

  std::vector<std::unique_ptr<Layer>> m_layers;
  std::uint64_t m_structureRevision = 0;
  std::string m_title, m_xLabel, m_yLabel;
  std::vector<std::string> m_xCategories;
  bool m_xLog = false;
  std::vector<LegendEntry> m_legend;
  LegendPosition m_legendPosition = LegendPosition::Above;
  bool m_equalAspect = false;
  bool m_showGrid = true;
  DataRect m_view;
  std::optional<DataRect> m_home;
  PixelRect m_area;  // plot area from the last layout

  gl::Framebuffer m_fb;
  ShapeBatch m_shapes;
  gl::TextBatch m_text;

  // What the framebuffer currently shows.
  struct Rendered {
    std::uint64_t content = 0;
    DataRect view;
    int width = 0, height = 0;
    std::optional<ui::Style> style;
  } m_rendered;
  struct Drawn {
    Ticks xTicks, yTicks;
    std::vector<PlacedText> texts;
  } m_drawn;
  bool m_forceRedraw = true;
  std::uint64_t m_settingsRevision = 0;  // titles, legend, aspect, grid

  // Interaction state across frames.
  enum class Drag { None, Pending, Pan, Tool, Item };
  Drag m_drag = Drag::None;
  bool m_pressIsDoubleClick = false;
  Vec2 m_pressPixel, m_lastPixel;
  Vec2 m_grabOffset;  // item position minus mouse position, in data units
  Layer* m_dragLayer = nullptr;
  std::size_t m_dragIndex = 0;
  bool m_prevLeft = false;
  Layer* m_hoverLayer = nullptr;
};

}  // namespace genlab::plot
