#include "ui/plot/plot_canvas.h"

#include <algorithm>
#include <cmath>

#include "ui/gl/png.h"
#include "ui/gl/shared_resources.h"
#include "ui/plot/axis_title.h"

namespace genlab::plot {

using gl::HAlign;
using gl::VAlign;

struct PlotCanvas::Layout {
  PixelRect area;
  DataRect data;
  Ticks xTicks, yTicks;
  std::vector<std::string> title, xLabel, yLabel;  // the titles' lines, each fitting its room
  const gl::Font* font = nullptr;
  const gl::Font* titleFont = nullptr;
  float pad = 0, tickLen = 0, gap = 0;
  // LegendPosition::Above: each entry's left edge and row, in the band between the title and
  // the plot area that starts at legendTop.
  struct LegendSlot {
    double x = 0;
    int row = 0;
  };
  std::vector<LegendSlot> legendSlots;
  double legendTop = 0;
};

PlotCanvas::PlotCanvas() {
  m_fb.resize(1, 1);
}
PlotCanvas::~PlotCanvas() = default;

void PlotCanvas::remove(const Layer& layer) {
  std::erase_if(m_layers, [&](const auto& l) { return l.get() == &layer; });
  if (m_dragLayer == &layer) {
    m_dragLayer = nullptr;
    m_drag = Drag::None;
  }
  if (m_hoverLayer == &layer) m_hoverLayer = nullptr;
  m_structureRevision++;
}

void PlotCanvas::clearLayers() {
  m_layers.clear();
  m_dragLayer = m_hoverLayer = nullptr;
  m_drag = Drag::None;
  m_structureRevision++;
}

void PlotCanvas::setTitle(std::string title) {
  m_title = std::move(title);
  m_settingsRevision++;
}

void PlotCanvas::setAxisLabels(std::string x, std::string y) {
  m_xLabel = std::move(x);
  m_yLabel = std::move(y);
  m_settingsRevision++;
}

void PlotCanvas::setXCategories(std::vector<std::string> names) {
  m_xCategories = std::move(names);
  m_settingsRevision++;
}

void PlotCanvas::setXLogScale(bool on) {
  m_xLog = on;
  m_settingsRevision++;
}

void PlotCanvas::setLegendPosition(LegendPosition p) {
  m_legendPosition = p;
  m_settingsRevision++;
}

void PlotCanvas::setLegend(std::vector<LegendEntry> entries) {
  m_legend = std::move(entries);
  m_settingsRevision++;
}

void PlotCanvas::setEqualAspect(bool on) {
  m_equalAspect = on;
  m_settingsRevision++;
}

void PlotCanvas::setShowGrid(bool on) {
  m_showGrid = on;
  m_settingsRevision++;
}

void PlotCanvas::setView(const DataRect& view) {
  if (view.valid()) m_view = view;
}

DataRect PlotCanvas::homeRect() const {
  if (m_home) return *m_home;
  DataRect b = emptyBounds();
  for (const auto& l : m_layers)
    if (l->visible())
      if (auto r = l->bounds()) b = b.united(*r);
  if (!(b.xMin <= b.xMax)) return {0, 1, 0, 1};
  return fitWithMargin(b, 0.05);
}

void PlotCanvas::fitToData(double margin) {
  DataRect b = emptyBounds();
  for (const auto& l : m_layers)
    if (l->visible())
      if (auto r = l->bounds()) b = b.united(*r);
  m_view = (b.xMin <= b.xMax) ? fitWithMargin(b, margin) : DataRect{0, 1, 0, 1};
}

bool PlotCanvas::resize(int width, int height) {
  const bool changed = m_fb.resize(width, height);
  // Until the first layout, input maps through the whole framebuffer.
  if (!m_rendered.style)
    m_area = {0, 0, static_cast<double>(m_fb.width()), static_cast<double>(m_fb.height())};
  return changed;
}

ViewTransform PlotCanvas::transform() const {
  const DataRect data = m_equalAspect ? equalAspect(m_view, m_area) : m_view;
  return {data, m_area};
}

std::uint64_t PlotCanvas::contentRevision() const {
  // A hash of everything that changes the picture except the view, size and style.
  std::uint64_t h = m_structureRevision * 0x9E3779B97F4A7C15ull ^ m_settingsRevision;
  for (const auto& l : m_layers) h = (h ^ l->revision()) * 0x100000001B3ull;
  return h;
}

bool PlotCanvas::needsRedraw(const ui::Style& style) const {
  return m_forceRedraw || m_rendered.content != contentRevision() || !(m_rendered.view == m_view) ||
         m_rendered.width != m_fb.width() || m_rendered.height != m_fb.height() ||
         !m_rendered.style || !(*m_rendered.style == style);
}

bool PlotCanvas::renderIfNeeded(const ui::Style& style) {
  if (!needsRedraw(style)) return false;
  render(style);
  return true;
}

PlotCanvas::Layout PlotCanvas::computeLayout(const ui::Style& style) const {
  Layout L;
  L.font = &gl::sharedFont(gl::FontFace::Regular, style.fontPx);
  L.titleFont = &gl::sharedFont(gl::FontFace::Bold, style.titleFontPx);
  const gl::Font& f = *L.font;
  const float fontPx = style.fontPx;
  L.pad = 0.6f * fontPx;
  L.tickLen = 0.35f * fontPx;
  L.gap = 0.3f * fontPx;
  const double W = m_fb.width(), H = m_fb.height();

  // The titles' room depends on the canvas size only, the y title's on the vertical margins.
  const auto measure = [&f](std::string_view s) { return static_cast<double>(f.measure(s)); };
  const auto measureTitle = [&L](std::string_view s) {
    return static_cast<double>(L.titleFont->measure(s));
  };
  const double lineH = f.lineHeight();
  L.title = fitTitle(m_title, W - 2 * L.pad, 2, measureTitle);
  L.xLabel = fitTitle(m_xLabel, W - 2 * L.pad, 2, measure);
  const auto lines = [](const std::vector<std::string>& v) {
    return static_cast<double>(v.size());
  };

  // Vertical margins depend on fonts only; the top leaves room for half a y tick label, and for
  // the legend's rows when it sits above the plot.
  double top = L.pad + (L.title.empty() ? 0.0 : L.titleFont->lineHeight() * lines(L.title) + L.gap);
  if (m_legendPosition == LegendPosition::Above) {
    const std::vector<const LegendEntry*> entries = legendEntries();
    const LegendMetrics m = legendMetrics(style);
    double x = L.pad;
    int row = 0;
    for (const LegendEntry* e : entries) {
      const double width = m.swatch + m.padIn + f.measure(e->label);
      if (x > L.pad && x + width > W - L.pad) {
        x = L.pad;
        ++row;
      }
      L.legendSlots.push_back({x, row});
      x += width + m.padIn * 3.0;
    }
    L.legendTop = top;
    // A legend taller than a quarter of the canvas would leave the data no room (a six-component
    // mixture in a small view): it is left out there, and the view's other pictures carry it.
    const double legendHeight = lineH * (row + 1) + L.gap;
    if (entries.empty() || legendHeight > 0.25 * H)
      L.legendSlots.clear();
    else
      top += legendHeight;
  }
  top += f.digitHeight() * 0.5;
  const double bottom = L.pad + L.tickLen + L.gap + lineH +
                        (L.xLabel.empty() ? 0.0 : lineH * lines(L.xLabel) + L.gap);
  L.yLabel = fitTitle(m_yLabel, std::max(0.0, H - top - bottom), 2, measure);
  const double yTitle = L.yLabel.empty() ? 0.0 : lineH * lines(L.yLabel) + L.gap;
  double left = L.pad + yTitle + f.measure("-0.0") + L.gap + L.tickLen;
  double right = L.pad + f.measure("0.0") * 0.5;

  // Tick labels set the left and right margins, which set the plot width, which sets the x
  // ticks; two passes settle it.
  for (int pass = 0; pass < 2; ++pass) {
    L.area = {left, top, std::max(1.0, W - left - right), std::max(1.0, H - top - bottom)};
    L.data = m_equalAspect ? equalAspect(m_view, L.area) : m_view;
    const int maxY = std::clamp(static_cast<int>(L.area.height / (fontPx * 2.6)), 2, 11);
    L.yTicks = niceTicks(L.data.yMin, L.data.yMax, maxY);
    float yw = 0;
    for (const auto& s : L.yTicks.labels) yw = std::max(yw, f.measure(s));
    left = L.pad + yTitle + yw + L.gap + L.tickLen;

    // As many x ticks as fit with at least 1.5 em between neighbouring labels.
    // Categories start from all of them: their labels are usually short ("1", "2", ...).
    int maxX = m_xCategories.empty()
                   ? std::clamp(static_cast<int>(L.area.width / (fontPx * 5.0)), 2, 11)
                   : std::max(2, static_cast<int>(m_xCategories.size()));
    for (;; --maxX) {
      L.xTicks = !m_xCategories.empty()
                     ? categoryTicks(m_xCategories, L.data.xMin, L.data.xMax, maxX)
                 : m_xLog ? decadeTicks(L.data.xMin, L.data.xMax, maxX)
                          : niceTicks(L.data.xMin, L.data.xMax, maxX);
      float xw = 0;
      for (const auto& s : L.xTicks.labels) xw = std::max(xw, f.measure(s));
      const double need = (xw + 1.5 * fontPx) * static_cast<double>(L.xTicks.values.size());
      if (need <= L.area.width || maxX <= 2) break;
    }
    // The last x label is centred on its tick and may hang past the plot's right edge.
    right = L.pad;
    if (!L.xTicks.values.empty()) {
      const ViewTransform vt{L.data, L.area};
      const double lastX = vt.toPixel({L.xTicks.values.back(), 0}).x;
      const double overhang = lastX + f.measure(L.xTicks.labels.back()) * 0.5 - L.area.right();
      right = std::max(right, L.pad + overhang);
    }
  }
  L.area = {left, top, std::max(1.0, W - left - right), std::max(1.0, H - top - bottom)};
  L.data = m_equalAspect ? equalAspect(m_view, L.area) : m_view;
  return L;
}

void PlotCanvas::render(const ui::Style& style) {
  GLint prevFbo = 0, prevViewport[4] = {0, 0, 0, 0};
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &prevFbo);
  glGetIntegerv(GL_VIEWPORT, prevViewport);
  const GLboolean prevBlend = glIsEnabled(GL_BLEND);
  const GLboolean prevScissor = glIsEnabled(GL_SCISSOR_TEST);

  const Layout L = computeLayout(style);
  m_area = L.area;
  m_fb.bind();
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  const ui::Palette& pal = style.palette;
  glClearColor(pal.background.r, pal.background.g, pal.background.b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_BLEND);
  // Straight-alpha colour blending; destination alpha stays 1 so ImGui shows the texture opaque.
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

  const ViewTransform vt{L.data, L.area};
  const DrawContext ctx{vt, m_fb.width(), m_fb.height(), style};

  // Plot area and grid, under the data.
  m_shapes.clear();
  if (!(pal.plotArea == pal.background))
    m_shapes.addRect(L.area.left, L.area.top, L.area.right(), L.area.bottom(), pal.plotArea);
  if (m_showGrid) {
    // A categorical axis has no vertical grid: the lines would run through the bars.
    for (double x : m_xCategories.empty() ? L.xTicks.values : std::vector<double>{}) {
      const double px = vt.toPixel({x, 0}).x;
      m_shapes.addLine({px, L.area.top}, {px, L.area.bottom()}, style.gridWidthPx, pal.grid);
    }
    for (double y : L.yTicks.values) {
      const double py = vt.toPixel({0, y}).y;
      m_shapes.addLine({L.area.left, py}, {L.area.right(), py}, style.gridWidthPx, pal.grid);
    }
  }
  m_shapes.draw(ctx.pixelToNdc());

  // Layers, clipped to the plot area (GL scissor origin is bottom-left).
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<GLint>(std::floor(L.area.left)),
            static_cast<GLint>(std::floor(m_fb.height() - L.area.bottom())),
            static_cast<GLsizei>(std::ceil(L.area.width)),
            static_cast<GLsizei>(std::ceil(L.area.height)));
  for (const auto& layer : m_layers)
    if (layer->visible()) layer->draw(ctx);
  glDisable(GL_SCISSOR_TEST);

  drawDecorations(L, style);
  const gl::PixelBox plotBox{static_cast<float>(L.area.left), static_cast<float>(L.area.top),
                             static_cast<float>(L.area.right()),
                             static_cast<float>(L.area.bottom())};
  for (const auto& layer : m_layers)
    if (layer->visible())
      if (const auto* drawn = layer->drawnTexts()) keepTexts(*drawn, plotBox);
  drawLegend(L, style);

  m_rendered = {contentRevision(), m_view, m_fb.width(), m_fb.height(), style};
  m_forceRedraw = false;

  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(prevFbo));
  glViewport(prevViewport[0], prevViewport[1], prevViewport[2], prevViewport[3]);
  if (!prevBlend) glDisable(GL_BLEND);
  if (prevScissor) glEnable(GL_SCISSOR_TEST);
}

void PlotCanvas::drawDecorations(const Layout& L, const ui::Style& style) {
  const ui::Palette& pal = style.palette;
  const ViewTransform vt{L.data, L.area};
  const gl::Font& f = *L.font;
  const double axisW = std::max(1.0, std::round(style.lineWidthPx * 0.5));
  const PixelRect& a = L.area;

  m_shapes.clear();
  m_text.clear();
  m_drawn = {L.xTicks, L.yTicks, {}};

  // Left and bottom spines, drawn outside the area so they never cover data at the edges.
  m_shapes.addRect(a.left - axisW, a.top, a.left, a.bottom() + axisW, pal.foreground);
  m_shapes.addRect(a.left - axisW, a.bottom(), a.right(), a.bottom() + axisW, pal.foreground);
  const double tickW = axisW;
  for (std::size_t i = 0; i < L.xTicks.values.size(); ++i) {
    const double px = vt.toPixel({L.xTicks.values[i], 0}).x;
    m_shapes.addLine({px, a.bottom() + axisW}, {px, a.bottom() + axisW + L.tickLen}, tickW,
                     pal.foreground);
    m_text.add(f, L.xTicks.labels[i], static_cast<float>(px),
               static_cast<float>(a.bottom() + axisW + L.tickLen + L.gap), HAlign::Center,
               VAlign::Top, pal.foreground);
  }
  for (std::size_t i = 0; i < L.yTicks.values.size(); ++i) {
    const double py = vt.toPixel({0, L.yTicks.values[i]}).y;
    m_shapes.addLine({a.left - axisW - L.tickLen, py}, {a.left - axisW, py}, tickW, pal.foreground);
    m_text.add(f, L.yTicks.labels[i], static_cast<float>(a.left - axisW - L.tickLen - L.gap),
               static_cast<float>(py), HAlign::Right, VAlign::Middle, pal.foreground);
  }
  // Titles centre on the plot area, moved in as far as it takes to stay inside the canvas.
  const auto centreX = [&](const gl::Font& font, const std::string& line) {
    const double half = font.measure(line) * 0.5;
    const double cx = a.left + a.width * 0.5;
    return static_cast<float>(
        std::clamp(cx, L.pad + half, std::max(L.pad + half, m_fb.width() - L.pad - half)));
  };
  const double lineH = f.lineHeight();
  for (std::size_t i = 0; i < L.xLabel.size(); ++i) {
    const double fromBottom = lineH * static_cast<double>(L.xLabel.size() - 1 - i);
    m_text.add(f, L.xLabel[i], centreX(f, L.xLabel[i]),
               static_cast<float>(m_fb.height() - L.pad - fromBottom), HAlign::Center,
               VAlign::Bottom, pal.foreground);
  }
  // Rotated lines read bottom to top; the first line is the leftmost.
  for (std::size_t i = 0; i < L.yLabel.size(); ++i) {
    m_text.add(f, L.yLabel[i], static_cast<float>(L.pad + lineH * static_cast<double>(i)),
               static_cast<float>(a.top + a.height * 0.5), HAlign::Center, VAlign::Top,
               pal.foreground, /*rotated=*/true);
  }
  const double titleH = L.titleFont->lineHeight();
  for (std::size_t i = 0; i < L.title.size(); ++i) {
    m_text.add(*L.titleFont, L.title[i], centreX(*L.titleFont, L.title[i]),
               static_cast<float>(L.pad + titleH * static_cast<double>(i)), HAlign::Center,
               VAlign::Top, pal.foreground);
  }

  const DrawContext ctx{vt, m_fb.width(), m_fb.height(), style};
  m_shapes.draw(ctx.pixelToNdc());
  m_text.draw(m_fb.width(), m_fb.height());
  keepTexts(m_text.drawn(), canvasBox());
}

gl::PixelBox PlotCanvas::canvasBox() const {
  return {0.0f, 0.0f, static_cast<float>(m_fb.width()), static_cast<float>(m_fb.height())};
}

void PlotCanvas::keepTexts(const std::vector<gl::DrawnText>& drawn, const gl::PixelBox& clip) {
  for (const gl::DrawnText& t : drawn) m_drawn.texts.push_back({t.text, t.box, clip});
}

std::vector<const LegendEntry*> PlotCanvas::legendEntries() const {
  std::vector<const LegendEntry*> entries;
  for (const auto& l : m_layers)
    if (l->visible())
      for (const auto& e : l->legend()) entries.push_back(&e);
  for (const auto& e : m_legend) entries.push_back(&e);
  return entries;
}

PlotCanvas::LegendMetrics PlotCanvas::legendMetrics(const ui::Style& style) {
  return {style.fontPx * 0.9, style.fontPx * 0.5, style.fontPx * 0.6};
}

void PlotCanvas::drawLegend(const Layout& L, const ui::Style& style) {
  if (m_legendPosition == LegendPosition::Hidden) return;
  const std::vector<const LegendEntry*> entries = legendEntries();
  if (entries.empty()) return;

  const gl::Font& f = gl::sharedFont(gl::FontFace::Regular, style.fontPx);
  const ui::Palette& pal = style.palette;
  const double row = f.lineHeight();
  const LegendMetrics m = legendMetrics(style);
  m_shapes.clear();
  m_text.clear();
  // Where each entry's swatch starts and its row's centre line.
  std::vector<Vec2> anchors;
  if (m_legendPosition == LegendPosition::Above) {
    if (L.legendSlots.empty()) return;  // no room for it (computeLayout)
    for (const auto& slot : L.legendSlots)
      anchors.push_back({slot.x, L.legendTop + row * (static_cast<double>(slot.row) + 0.5)});
  } else {
    double textW = 0;
    for (const auto* e : entries) textW = std::max(textW, static_cast<double>(f.measure(e->label)));
    const double boxW = m.padIn * 2 + m.swatch + m.padIn + textW;
    const double boxH = m.padIn * 2 + row * static_cast<double>(entries.size());
    const bool right = m_legendPosition == LegendPosition::TopRight ||
                       m_legendPosition == LegendPosition::BottomRight;
    const bool topSide =
        m_legendPosition == LegendPosition::TopRight || m_legendPosition == LegendPosition::TopLeft;
    const double x0 = right ? m_area.right() - m.margin - boxW : m_area.left + m.margin;
    const double y0 = topSide ? m_area.top + m.margin : m_area.bottom() - m.margin - boxH;
    m_shapes.addRect(x0, y0, x0 + boxW, y0 + boxH, pal.legendBackground);
    m_shapes.addFrame(x0, y0, x0 + boxW, y0 + boxH, std::max(1.0f, style.gridWidthPx), pal.grid);
    for (std::size_t i = 0; i < entries.size(); ++i)
      anchors.push_back({x0 + m.padIn, y0 + m.padIn + row * (static_cast<double>(i) + 0.5)});
  }
  for (std::size_t i = 0; i < entries.size() && i < anchors.size(); ++i) {
    const LegendEntry& e = *entries[i];
    const double sx = anchors[i].x;
    const double cy = anchors[i].y;
    switch (e.swatch) {
      case LegendSwatch::Point:
        m_shapes.addDisc({sx + m.swatch * 0.5, cy}, m.swatch * 0.38, e.color, 32);
        break;
      case LegendSwatch::Line:
        m_shapes.addLine({sx, cy}, {sx + m.swatch, cy}, std::max(2.0f, style.lineWidthPx), e.color,
                         false);
        break;
      case LegendSwatch::Box:
        m_shapes.addRect(sx, cy - m.swatch * 0.4, sx + m.swatch, cy + m.swatch * 0.4, e.color);
        break;
    }
    m_text.add(f, e.label, static_cast<float>(sx + m.swatch + m.padIn), static_cast<float>(cy),
               HAlign::Left, VAlign::Middle, pal.foreground);
  }
  const ViewTransform vt = transform();
  const DrawContext ctx{vt, m_fb.width(), m_fb.height(), style};
  m_shapes.draw(ctx.pixelToNdc());
  m_text.draw(m_fb.width(), m_fb.height());
  keepTexts(m_text.drawn(), canvasBox());
}

CanvasEvents PlotCanvas::handleInput(const CanvasInput& in) {
  constexpr double kClickSlopPx = 3.0;
  constexpr double kWheelZoomStep = 1.25;  // per notch
  CanvasEvents ev;
  ev.shift = in.shift;
  ev.ctrl = in.ctrl;
  ev.alt = in.alt;
  const ViewTransform vt = transform();
  const bool inPlot = in.hovered && m_area.contains(in.mouse);
  ev.hovered = inPlot;
  ev.mouseData = vt.toData(in.mouse);
  const bool pressed = in.leftDown && !m_prevLeft;
  const bool released = !in.leftDown && m_prevLeft;

  // Hover highlight on draggable items while no drag is in progress.
  if (m_drag == Drag::None) {
    Layer* hitLayer = nullptr;
    std::optional<std::size_t> hit;
    if (inPlot)
      for (auto it = m_layers.rbegin(); it != m_layers.rend() && !hit; ++it)
        if ((*it)->visible() && (hit = (*it)->hitTest(in.mouse, vt))) hitLayer = it->get();
    if (m_hoverLayer && m_hoverLayer != hitLayer) m_hoverLayer->setHovered(-1);
    if (hitLayer) hitLayer->setHovered(static_cast<int>(*hit));
    m_hoverLayer = hitLayer;
    if (pressed && inPlot) {
      m_pressPixel = in.mouse;
      // The second press of a double-click resets the view; its release is not a click too.
      m_pressIsDoubleClick = in.doubleClicked;
      if (hitLayer) {
        m_drag = Drag::Item;
        m_dragLayer = hitLayer;
        m_dragIndex = *hit;
        const auto pos = hitLayer->itemPosition(*hit);
        m_grabOffset = pos ? *pos - ev.mouseData : Vec2{};
      } else {
        m_drag = (in.shift || in.ctrl) ? Drag::Tool : Drag::Pending;
      }
    }
  }

  const Vec2 moved = in.mouse - m_pressPixel;
  const bool beyondSlop = std::hypot(moved.x, moved.y) > kClickSlopPx;
  switch (m_drag) {
    case Drag::Pending:
      if (in.leftDown && beyondSlop) {
        m_drag = Drag::Pan;
        m_view = pan(vt, in.mouse - m_pressPixel);
        ev.viewChanged = true;
      }
      break;
    case Drag::Pan:
      if (in.leftDown && !(in.mouse == m_lastPixel)) {
        m_view = pan(vt, in.mouse - m_lastPixel);
        ev.viewChanged = true;
      }
      break;
    case Drag::Tool:
      if (in.leftDown) {
        ev.toolDrag = true;
        ev.toolData = ev.mouseData;
      }
      break;
    case Drag::Item:
      if (m_dragLayer) {
        ev.itemLayer = m_dragLayer;
        ev.itemIndex = m_dragIndex;
        ev.itemData = ev.mouseData + m_grabOffset;
        if (in.leftDown && !(in.mouse == m_lastPixel)) {
          m_dragLayer->moveItem(m_dragIndex, ev.itemData);
          ev.itemMoved = true;
        }
        ev.itemReleased = released;
      }
      break;
    case Drag::None:
      break;
  }
  if (released) {
    if ((m_drag == Drag::Pending || m_drag == Drag::Tool) && !beyondSlop && !m_pressIsDoubleClick) {
      ev.clicked = true;
      ev.clickData = vt.toData(m_pressPixel);
    }
    m_drag = Drag::None;
    m_dragLayer = nullptr;
  }

  // Right or middle drag pans regardless of modifiers.
  if ((in.rightDown || in.middleDown) && in.hovered && m_drag == Drag::None &&
      !(in.mouse == m_lastPixel)) {
    m_view = pan(vt, in.mouse - m_lastPixel);
    ev.viewChanged = true;
  }
  if (inPlot && in.wheel != 0) {
    const ViewTransform now = transform();
    m_view = zoomAround(now, in.mouse, std::pow(kWheelZoomStep, in.wheel));
    ev.viewChanged = true;
  }
  if (inPlot && in.doubleClicked) {
    m_view = homeRect();
    ev.viewChanged = true;
    ev.reset = true;
  }
  m_lastPixel = in.mouse;
  m_prevLeft = in.leftDown;
  return ev;
}

void PlotCanvas::savePng(const std::filesystem::path& path, const ui::Style& style) {
  renderIfNeeded(style);
  gl::writePng(path, readPixels());
}

}  // namespace genlab::plot
