#include "ui/views/gan/gan2d_field_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/models/gan/gan2d_trainer.h"
#include "ui/plot/plot_widget.h"

namespace genlab::views {
namespace {

constexpr int kSprayPerFrame = 3;
constexpr double kToolRadiusPx = 14.0;
constexpr double kArrowLength = 0.35;  // data units for a reference-sized push
constexpr double kArrowDecay = 0.995;  // per redraw of the arrows (~10 a second)

// Diverging: "looks generated" (low) -> the plot colour (undecided) -> "looks real" (high).
const gl::Color kLowColor = gl::Color::fromHex(0xAF8DC3);   // purple
const gl::Color kHighColor = gl::Color::fromHex(0x5AAE61);  // green

double pixelsToData(const plot::PlotCanvas& canvas, double pixels) {
  const auto transform = canvas.transform();
  return pixels * transform.data.width() / std::max(1.0, transform.pixels.width);
}

template <class Fn>
void postToGan(train::Session& session, Fn fn) {
  session.post([fn](train::Trainer& trainer) {
    if (auto* gan = dynamic_cast<gan::Gan2dTrainer*>(&trainer)) fn(*gan);
  });
}

}  // namespace

Gan2dFieldView::Gan2dFieldView() {
  m_heatmap = &m_canvas.add<plot::HeatmapLayer>();
  m_heatmap->setSmooth(true);
  m_modes = &m_canvas.add<plot::LineLayer>();
  m_modes->setWidth(1.5f);
  m_modes->setDash(4.0f, 4.0f);
  m_real = &m_canvas.add<plot::PointLayer>();
  m_real->setPointSize(4.0f);
  m_manifold = &m_canvas.add<plot::LineLayer>();
  m_manifold->setWidth(1.2f);
  m_arrows = &m_canvas.add<plot::LineLayer>();
  m_arrows->setWidth(1.2f);
  m_generated = &m_canvas.add<plot::PointLayer>();
  m_generated->setPointSize(5.0f);
  m_canvas.setEqualAspect(true);
  m_canvas.setAxisLabels("x\xE2\x82\x81", "x\xE2\x82\x82");
}

void Gan2dFieldView::rebuildField(const gan::Gan2dVisuals& v, const ui::Style& style) {
  plot::GridSpec spec;
  spec.cols = v.fieldCols;
  spec.rows = v.fieldRows;
  spec.rect = {v.fieldBounds.xMin, v.fieldBounds.xMax, v.fieldBounds.yMin, v.fieldBounds.yMax};
  spec.firstRowAtTop = false;
  // Probabilities on their fixed scale (0.5 = undecided); raw outputs (least squares, critic)
  // around the middle of their current range.
  float lo = 0.0f, hi = 1.0f;
  if (!v.fieldIsProbability && !v.field.empty()) {
    const auto [mn, mx] = std::minmax_element(v.field.begin(), v.field.end());
    lo = *mn;
    hi = std::max(*mx, *mn + 1e-6f);
  }
  const gl::Color mid = style.palette.plotArea;
  std::vector<plot::Rgba8> cells(v.field.size());
  for (std::size_t i = 0; i < v.field.size(); ++i) {
    const float t = std::clamp((v.field[i] - lo) / (hi - lo), 0.0f, 1.0f);
    const gl::Color c =
        t < 0.5f ? gl::mix(kLowColor, mid, t * 2.0f) : gl::mix(mid, kHighColor, t * 2.0f - 1.0f);
    cells[i] = c.toRgba8();
  }
  m_heatmap->setImage(spec, cells);
  m_heatmap->setLegend(
      {{v.fieldIsProbability ? "D(x) near 1: looks real" : "critic high: looks real", kHighColor,
        plot::LegendSwatch::Point},
       {v.fieldIsProbability ? "D(x) near 0: looks generated" : "critic low: looks generated",
        kLowColor, plot::LegendSwatch::Point}});
}

void Gan2dFieldView::rebuildArrows(const gan::Gan2dVisuals& v, const ui::Style& style) {
  m_arrows->clear();
  const std::size_t n = v.push.size() / 2;
  if (n == 0) return;
  std::vector<double> lengths(n);
  for (std::size_t i = 0; i < n; ++i) lengths[i] = std::hypot(v.push[2 * i], v.push[2 * i + 1]);
  std::vector<double> sorted = lengths;
  const std::size_t at = n * 9 / 10;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(at), sorted.end());
  const double p90 = sorted[at];
  m_arrowReference = std::max(p90, m_arrowReference * kArrowDecay);
  if (m_arrowReference <= 0.0) return;
  const double gain = kArrowLength * options.arrowScale / m_arrowReference;
  const gl::Color color =
      gl::mix(style.palette.foreground, style.palette.seriesColor(1), 0.35f).withAlpha(0.8f);
  std::vector<plot::Polyline> lines;
  lines.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    // Capped at twice the reference length so one outlier does not cross the picture.
    const double scale = gain * std::min(1.0, 2.0 * m_arrowReference / std::max(lengths[i], 1e-30));
    const double x = v.generated[2 * i], y = v.generated[2 * i + 1];
    const double dx = v.push[2 * i] * scale, dy = v.push[2 * i + 1] * scale;
    const double len = std::hypot(dx, dy);
    if (len < 1e-4) continue;
    const plot::Vec2 tip{x + dx, y + dy};
    lines.push_back({{{x, y}, tip}, color});
    // A small head: two strokes at +-25 degrees back from the tip.
    const double head = std::min(0.3 * len, 0.08), angle = std::atan2(dy, dx);
    for (double side : {-0.45, 0.45}) {
      lines.push_back(
          {{tip, {tip.x - head * std::cos(angle + side), tip.y - head * std::sin(angle + side)}},
           color});
    }
  }
  m_arrows->setPolylines(std::move(lines));
}

void Gan2dFieldView::rebuild(const gan::Gan2dSnapshot& s, const ui::Style& style) {
  const ui::Palette& palette = style.palette;
  const gl::Color realColor = palette.seriesColor(0);
  const gl::Color generatedColor = palette.seriesColor(1);
  const bool realChanged = s.real != m_shownReal;
  const bool visualsChanged = s.visuals != m_shownVisuals;
  const bool restyle = !(options == m_shownOptions) || !(palette == m_shownPalette);

  if (realChanged || restyle) {
    m_real->setPoints(std::vector<float>(*s.real));
    m_real->setColor(realColor.withAlpha(0.55f));
    m_real->setLegend({{"real data", realColor, plot::LegendSwatch::Point}});
    m_real->setVisible(options.real);
    m_modes->clear();
    for (Eigen::Index k = 0; k < s.modes.rows(); ++k) {
      m_modes->addPolyline(
          plot::covarianceEllipse({s.modes(k, 0), s.modes(k, 1)}, s.modeStd * s.modeStd, 0.0,
                                  s.modeStd * s.modeStd, 3.0, 48),
          palette.foreground.withAlpha(0.45f), true);
    }
    m_modes->setVisible(options.modes);
  }
  if (s.visuals && (visualsChanged || restyle)) {
    const gan::Gan2dVisuals& v = *s.visuals;
    rebuildField(v, style);
    m_heatmap->setVisible(options.heatmap);
    m_generated->setPoints(std::vector<float>(v.generated));
    m_generated->setColor(generatedColor);
    m_generated->setLegend({{"generated G(z)", generatedColor, plot::LegendSwatch::Point}});
    m_generated->setVisible(options.generated);
    m_manifold->clear();
    const gl::Color manifoldColor =
        gl::mix(generatedColor, palette.foreground, 0.45f).withAlpha(0.7f);
    std::vector<plot::Polyline> lines;
    for (const auto& line : v.manifold) {
      plot::Polyline poly;
      poly.color = manifoldColor;
      for (std::size_t i = 0; i + 1 < line.size(); i += 2)
        poly.points.push_back({line[i], line[i + 1]});
      lines.push_back(std::move(poly));
    }
    m_manifold->setPolylines(std::move(lines));
    m_manifold->setLegend(
        {{s.settings.noiseDim == 1 ? "G of the noise line" : "G of the noise grid", manifoldColor,
          plot::LegendSwatch::Line}});
    m_manifold->setVisible(options.manifold);
    if (options.arrows) rebuildArrows(v, style);
    m_arrows->setVisible(options.arrows);
  }
  m_shownReal = s.real;
  m_shownVisuals = s.visuals;
  m_shownOptions = options;
  m_shownPalette = palette;
}

void Gan2dFieldView::update(ViewContext& context) {
  const auto snapshot = std::dynamic_pointer_cast<const gan::Gan2dSnapshot>(context.snapshot);
  if (!snapshot || !snapshot->real) return;
  if (context.snapshot != m_shown || !(options == m_shownOptions) ||
      !(context.style.palette == m_shownPalette)) {
    rebuild(*snapshot, context.style);
  }
  if (!m_fitted) {
    const auto& b = snapshot->bounds;
    const plot::DataRect home{b.xMin, b.xMax, b.yMin, b.yMax};
    m_canvas.setView(home);
    m_canvas.setHomeView(home);
    m_fitted = true;
  }
  m_shown = context.snapshot;
}

std::string Gan2dFieldView::hoverText(const gan::Gan2dSnapshot& snapshot, plot::Vec2 at) const {
  if (!snapshot.visuals) return {};
  // The value of the field cell under the cursor (the heatmap shows colours, not values).
  const auto& v = *snapshot.visuals;
  const auto& b = v.fieldBounds;
  const int c = static_cast<int>(std::floor((at.x - b.xMin) / (b.xMax - b.xMin) * v.fieldCols));
  const int r = static_cast<int>(std::floor((at.y - b.yMin) / (b.yMax - b.yMin) * v.fieldRows));
  if (c < 0 || r < 0 || c >= v.fieldCols || r >= v.fieldRows) return {};
  char text[96];
  std::snprintf(text, sizeof text, v.fieldIsProbability ? "D(x) = %.3f" : "D(x) = %.3f (raw)",
                v.field[static_cast<std::size_t>(r * v.fieldCols + c)]);
  return text;
}

void Gan2dFieldView::handleEvents(const plot::CanvasEvents& events, ViewContext& context) {
  if (context.scrubbing || !events.toolDrag) return;
  train::Session& session = context.session;
  const double radius = pixelsToData(m_canvas, kToolRadiusPx);
  if (events.ctrl) {
    const plot::Vec2 at = events.toolData;
    postToGan(session,
              [at, radius](gan::Gan2dTrainer& g) { g.erasePointsNear(at.x, at.y, radius); });
  } else if (events.shift) {
    Eigen::MatrixXd points(kSprayPerFrame, 2);
    for (int i = 0; i < kSprayPerFrame; ++i) {
      points(i, 0) = events.toolData.x + m_sprayRng.normal() * radius * 0.6;
      points(i, 1) = events.toolData.y + m_sprayRng.normal() * radius * 0.6;
    }
    postToGan(session, [points](gan::Gan2dTrainer& g) { g.addPoints(points); });
  }
}

void Gan2dFieldView::draw(ViewContext& context, ImVec2 size) {
  const auto snapshot = std::dynamic_pointer_cast<const gan::Gan2dSnapshot>(context.snapshot);
  if (!snapshot || !snapshot->real) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  update(context);
  plot::CanvasWidgetOptions widgetOptions;
  widgetOptions.hoverText = [this, snapshot](plot::Vec2 at) { return hoverText(*snapshot, at); };
  const auto events =
      plot::showCanvas("##gan2d-field", m_canvas, size, context.style, widgetOptions);
  handleEvents(events, context);
}

}  // namespace genlab::views
